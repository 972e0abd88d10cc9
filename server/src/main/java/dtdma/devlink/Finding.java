package dtdma.devlink;

import dtdma.check.Code;
import dtdma.dma.DmaSpecifier;
import dtdma.tree.Node;

/**
 * One device-link finding of a simulation run: the code, the consumer node and the specifier of the request that
 * caused it (or null when it belongs to the controller {@code node}), and the message with the kernel's reason.
 */
public record Finding(Code code, Node node, DmaSpecifier specifier, String message) {
}

package dtdma.dtc;

/** The bus kinds dtc's bridge checks assign to nodes; the child checks depend on them. */
public enum Bus {
    PCI, SIMPLE, I2C, SPI, GRAPH_PORT, GRAPH_PORTS
}

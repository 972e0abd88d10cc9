package dtdma.devlink;

import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated {@code struct device}: a platform device made from a devicetree node, a DMA controller, or a
 * dmaengine channel class device {@code dma<N>chan<M>}. It carries the driver-presence state device links
 * track ({@code links.status}) and the runtime-PM fields of {@code struct dev_pm_info} the simulator uses.
 */
public final class Device {
    /** What the device is. */
    public enum Kind {
        /** A platform device of a node with a compatible. */
        PLATFORM,
        /** A platform device that is a DMA controller (has {@code #dma-cells}). */
        DMA_CONTROLLER,
        /** A dmaengine channel class device; it never has a driver. */
        CHANNEL
    }

    final String name;
    final Kind kind;
    final Node node;
    Device parent;
    final List<Device> children = new ArrayList<>();
    DevState state = DevState.NO_DRIVER;
    boolean registered = true;
    /** The driver that binds it, or null (channel devices, nodes without a simulated driver). */
    Driver driver;

    // runtime PM (pm_runtime_init state)
    int disableDepth = 1;
    RpmStatus status = RpmStatus.SUSPENDED;
    RpmStatus lastStatus = RpmStatus.INVALID;
    int usageCount;
    int childCount;
    boolean irqSafe;
    boolean ignoreChildren;
    boolean useAutosuspend;
    int autosuspendDelay;
    int linksCount;
    /** Whether the driver enables runtime PM when it binds (consumers: yes; SDMA: no, as in mainline). */
    boolean rpmOnBind;

    final List<Link> suppliers = new ArrayList<>();
    final List<Link> consumers = new ArrayList<>();

    /** A driver the simulator runs: probe returns 0 or a negative errno. */
    interface Driver {
        String name();

        int probe(Device d);

        void remove(Device d);
    }

    Device(String name, Kind kind, Node node, Device parent) {
        this.name = name;
        this.kind = kind;
        this.node = node;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The devicetree node (for a channel device: its controller's node). */
    public Node node() {
        return node;
    }

    public Device parent() {
        return parent;
    }

    public List<Device> children() {
        return List.copyOf(children);
    }

    /** The bus or class name used in link names: {@code platform} or {@code dma}. */
    public String bus() {
        return kind == Kind.CHANNEL ? "dma" : "platform";
    }

    public DevState state() {
        return state;
    }

    public boolean registered() {
        return registered;
    }

    /** The name of the driver that binds the device, or null. */
    public String driverName() {
        return driver == null ? null : driver.name();
    }

    public boolean rpmEnabled() {
        return disableDepth == 0;
    }

    public RpmStatus rpmStatus() {
        return status;
    }

    public int usageCount() {
        return usageCount;
    }

    public int childCount() {
        return childCount;
    }

    public boolean irqSafe() {
        return irqSafe;
    }

    public int autosuspendDelay() {
        return autosuspendDelay;
    }

    public int linksCount() {
        return linksCount;
    }

    /** {@code pm_runtime_active()}: ACTIVE, or runtime PM disabled. */
    public boolean pmRuntimeActive() {
        return status == RpmStatus.ACTIVE || disableDepth != 0;
    }

    /** The links where this device is the consumer. */
    public List<Link> supplierLinks() {
        return List.copyOf(suppliers);
    }

    /** The links where this device is the supplier. */
    public List<Link> consumerLinks() {
        return List.copyOf(consumers);
    }

    /** The first label of the node, or null. */
    public String label() {
        return node == null || node.labels().isEmpty() || kind == Kind.CHANNEL ? null : node.labels().get(0);
    }

    @Override
    public String toString() {
        return name;
    }
}

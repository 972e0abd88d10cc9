package dtdma.fdt;

/** A flattened devicetree blob that cannot be read: bad magic, unsupported version, truncation, or
 * an offset or length outside its block. The message names the field and the byte offset. */
public final class FdtException extends Exception {
    private static final long serialVersionUID = 1L;

    public FdtException(String message) {
        super(message);
    }
}

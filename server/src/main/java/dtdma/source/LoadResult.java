package dtdma.source;

import dtdma.text.SourceFile;

/**
 * The outcome of reading one file: either a {@link SourceFile} or an error kind with a message.
 * Loading never throws.
 */
public record LoadResult(SourceFile file, Error error, String message) {
    /** Why a file could not be read. */
    public enum Error { NOT_FOUND, NOT_REGULAR, TOO_LARGE, BINARY, IO }

    public static LoadResult ok(SourceFile f) {
        return new LoadResult(f, null, null);
    }

    public static LoadResult fail(Error e, String message) {
        return new LoadResult(null, e, message);
    }

    public boolean ok() {
        return file != null;
    }
}

package dev.veritensor.rules.artifacts.zip;

/** Thrown when bytes cannot be read as a zip archive at all (no end of central directory). */
public final class ZipFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public ZipFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset where reading failed. */
    public long offset() {
        return offset;
    }
}

package dev.veritensor.api;

import java.util.Objects;

/**
 * Thrown by a parser when a source cannot be read as its format. The engine turns it into a
 * {@code parse-error} {@link Diagnostic} at {@link #location()} and the scan goes on.
 */
public final class DocumentParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public DocumentParseException(String message, Location location) {
        super(message);
        this.location = Objects.requireNonNull(location, "location");
    }

    public DocumentParseException(String message, Location location, Throwable cause) {
        super(message, cause);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Where the problem is, as precisely as known. */
    public Location location() {
        return location;
    }
}

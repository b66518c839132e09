package dev.veritensor.core.config;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong type, an unknown rule
 * id. The message names the file (or {@code <api>} for programmatic configuration), the key and,
 * where known, the line.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

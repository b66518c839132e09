package dev.veritensor.api;

import java.util.Objects;

/**
 * Something that kept Veritensor from reading part of the input as intended: a file that could not
 * be read or parsed, a limit that was reached, a link or include that pointed out of the scan
 * root, a suppression comment that matched nothing. Diagnostics never stop a scan; they are
 * reported beside the findings so nothing is skipped silently.
 *
 * @param code     stable kebab-case kind, e.g. {@code parse-error}, {@code file-too-large}
 * @param level    {@link Level#ERROR} when content was not analysed, {@link Level#WARNING} otherwise
 * @param message  what happened, naming the cause
 * @param location where (the whole file when no position is known)
 */
public record Diagnostic(String code, Level level, String message, Location location)
        implements Comparable<Diagnostic> {

    /** Whether content was left unanalysed. */
    public enum Level { WARNING, ERROR }

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** An error diagnostic: the content at {@code location} was not analysed. */
    public static Diagnostic error(String code, Location location, String message) {
        return new Diagnostic(code, Level.ERROR, message, location);
    }

    /** A warning diagnostic: the content was analysed, but something deserves attention. */
    public static Diagnostic warning(String code, Location location, String message) {
        return new Diagnostic(code, Level.WARNING, message, location);
    }

    @Override
    public int compareTo(Diagnostic other) {
        int c = location.compareTo(other.location);
        if (c != 0) {
            return c;
        }
        c = code.compareTo(other.code);
        return c != 0 ? c : message.compareTo(other.message);
    }
}

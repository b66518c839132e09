package dev.veritensor.api;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious a finding is, from {@link #INFO} (worth knowing) to {@link #CRITICAL} (exploitable
 * as it stands). The declaration order is the order of seriousness, so {@link #compareTo} ranks
 * severities.
 */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Whether this severity is {@code other} or more serious. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name used in configuration files and on the command line ({@code "high"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a severity name, ignoring case; empty when the text names no severity. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

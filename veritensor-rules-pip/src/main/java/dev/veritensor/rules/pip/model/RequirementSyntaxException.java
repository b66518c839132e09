package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Location;

import java.util.Objects;

/**
 * A requirement string that is not valid PEP 508 (or, for pip arguments, not a URL or path pip
 * would take either). The message names what was expected and what was found; the location is the
 * offending text, so parsers can turn it into a diagnostic as it stands.
 */
public final class RequirementSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    /** An error at {@code location} described by {@code message}. */
    public RequirementSyntaxException(String message, Location location) {
        super(message);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }
}

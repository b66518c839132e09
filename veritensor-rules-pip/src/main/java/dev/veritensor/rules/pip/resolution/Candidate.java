package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Redaction;

import java.util.Objects;
import java.util.Optional;

/**
 * An index a tool may consult for a package.
 *
 * @param url                   the index URL as written ({@link PublicIndexes#PYPI} for an implicit PyPI)
 * @param name                  the index's name where the tool names indexes
 * @param implicit              whether the tool consults it without the file naming it (PyPI by default)
 * @param passesOnAuthFailure   whether the tool goes on to the next index when this one answers
 *                              401 or 403 (uv {@code ignore-error-codes})
 */
public record Candidate(String url, Optional<String> name, boolean implicit, boolean passesOnAuthFailure) {

    public Candidate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
    }

    /** PyPI, consulted because nothing replaced it. */
    public static Candidate implicitPypi() {
        return new Candidate(PublicIndexes.PYPI, Optional.of("PyPI"), true, false);
    }

    /** A named or unnamed index the file configures. */
    public static Candidate of(String url, Optional<String> name) {
        return new Candidate(url, name, false, false);
    }

    /** How messages name this index: its name and URL, and whether it is implicit. */
    public String label() {
        String shown = Redaction.mask(url);
        String base = name.map(n -> n + " (" + shown + ")").orElse(shown);
        return implicit ? base + " by default" : base;
    }
}

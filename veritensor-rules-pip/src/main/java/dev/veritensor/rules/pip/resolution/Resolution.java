package dev.veritensor.rules.pip.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one tool would look a package up: the indexes it may consult, how it combines them, and a
 * sentence saying so for messages.
 *
 * @param tool       the tool, e.g. {@code Poetry}, {@code uv}, {@code PDM}, {@code Pipenv}, {@code pip}
 * @param mode       how the candidates are combined
 * @param candidates the indexes, in the order the tool consults them
 * @param how        what the tool does, one clause, e.g. "searches every primary source and takes
 *                   the best version"
 */
public record Resolution(String tool, Mode mode, List<Candidate> candidates, String how) {

    /** How a tool combines several indexes for one package. */
    public enum Mode {
        /** The package is bound to the candidates listed (one index, or one per platform). */
        BOUND,
        /** Indexes are tried in order; the first that has the package supplies every version. */
        FIRST_INDEX,
        /** Every index is searched; the first index with a matching version wins. */
        FIRST_MATCH,
        /** Every index is searched and the best version from any of them wins. */
        BEST_MATCH
    }

    public Resolution {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(mode, "mode");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(how, "how");
    }

    /**
     * The indexes actually asked for a package that every index is assumed to hold: all of them,
     * except in {@link Mode#FIRST_INDEX} where the search stops at the first index that does not
     * pass authentication failures on.
     */
    public List<Candidate> consulted() {
        if (mode != Mode.FIRST_INDEX) {
            return candidates;
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(c);
            if (!c.passesOnAuthFailure()) {
                break;
            }
        }
        return out;
    }
}

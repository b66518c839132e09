package dev.veritensor.api;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found. Findings are created by the engine from what a rule reports, with the
 * severity after configuration overrides and a fingerprint that identifies the finding across
 * runs.
 *
 * <p>The fingerprint is derived from the rule id, the file, the text of the finding's first line
 * and its rank among identical findings in that file; it does not depend on line numbers, so
 * lines added elsewhere in the file leave it unchanged. Baselines store fingerprints.
 *
 * @param ruleId      the reporting rule's id, e.g. {@code pip/extra-index-url}
 * @param severity    effective severity
 * @param message     what is wrong here, with credentials masked
 * @param location    where
 * @param fixes       proposed fixes, possibly empty
 * @param fingerprint stable identity for baselines, a hex string
 */
public record Finding(String ruleId, Severity severity, String message, Location location,
                      List<Fix> fixes, String fingerprint) implements Comparable<Finding> {

    /** Deterministic report order: path, line, column, rule id, then message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location,
                    Comparator.comparing(Location::path)
                            .thenComparingInt(Location::startLine)
                            .thenComparingInt(Location::startColumn))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::location)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        fixes = List.copyOf(fixes);
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}

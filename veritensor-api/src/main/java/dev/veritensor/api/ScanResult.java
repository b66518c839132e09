package dev.veritensor.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything one scan produced, in deterministic order whatever the thread count: findings sorted
 * by {@link Finding#ORDER}, diagnostics by location, rules by id.
 *
 * @param findings    active findings (not suppressed in source)
 * @param suppressed  findings suppressed by comments
 * @param diagnostics what could not be read or deserves attention
 * @param rules       metadata of every rule that ran, with severities as configured
 * @param stats       counts
 */
public record ScanResult(List<Finding> findings, List<Suppression> suppressed, List<Diagnostic> diagnostics,
                         List<RuleInfo> rules, Stats stats) {

    /**
     * Counts of what the scan read.
     *
     * @param sources   sources offered to parsers (files and archive members)
     * @param documents documents parsed (derived ones included)
     */
    public record Stats(int sources, int documents) {
    }

    public ScanResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        diagnostics = List.copyOf(diagnostics);
        rules = List.copyOf(rules);
        Objects.requireNonNull(stats, "stats");
    }
}

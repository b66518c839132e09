package dev.veritensor.api;

import java.util.Locale;

/**
 * How often a rule's findings are real problems rather than false alarms, as its authors measured
 * or judge it. Reports pass it on (SARIF {@code precision}) so that code-scanning tools can rank and
 * filter; it never changes what a rule reports or whether a scan fails.
 */
public enum Precision {
    /** Findings are decided exactly from the model: a false alarm is a bug in the rule. */
    VERY_HIGH,
    /** Findings are nearly always real; rare false alarms come from unusual but legitimate set-ups. */
    HIGH,
    /** A heuristic: most findings are real, some are legitimate code or names that look alike. */
    MEDIUM,
    /** A lead for review rather than a verdict: many findings are legitimate. */
    LOW;

    /** The name used in reports: {@code very-high}, {@code high}, {@code medium} or {@code low}. */
    public String reportName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

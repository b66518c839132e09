package dev.veritensor.core.report;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts a report prints, computed once from a {@link Report} so every format agrees.
 *
 * @param newBySeverity new findings (those the verdict judges) per severity, every severity present
 * @param total         active findings: new plus baselined
 * @param newFindings   active findings not in the baseline
 * @param baselined     active findings the baseline already knew
 * @param suppressed    findings suppressed by in-source comments
 * @param errors        diagnostics of level error
 * @param warnings      diagnostics of level warning
 * @param sources       sources offered to parsers
 * @param documents     documents parsed
 */
record ReportSummary(Map<Severity, Integer> newBySeverity, int total, int newFindings, int baselined,
                     int suppressed, int errors, int warnings, int sources, int documents) {

    /** Severities from the most to the least serious, the order in which reports list them. */
    static final List<Severity> MOST_SERIOUS_FIRST =
            List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);

    static ReportSummary of(Report report) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0);
        }
        for (Finding finding : report.policy().newFindings()) {
            bySeverity.merge(finding.severity(), 1, Integer::sum);
        }
        ScanResult result = report.result();
        int errors = 0;
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.level() == Diagnostic.Level.ERROR) {
                errors++;
            }
        }
        int newFindings = report.policy().newFindings().size();
        int baselined = report.policy().baselined().size();
        return new ReportSummary(Map.copyOf(bySeverity), newFindings + baselined, newFindings, baselined,
                result.suppressed().size(), errors, result.diagnostics().size() - errors,
                result.stats().sources(), result.stats().documents());
    }

    /** New findings of {@code severity}. */
    int newCount(Severity severity) {
        return newBySeverity.get(severity);
    }

    /** All diagnostics. */
    int diagnostics() {
        return errors + warnings;
    }
}

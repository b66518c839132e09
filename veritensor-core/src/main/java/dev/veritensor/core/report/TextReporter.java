package dev.veritensor.core.report;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Severity;
import dev.veritensor.core.policy.PolicyResult;
import dev.veritensor.core.policy.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report for people, one item a line:
 *
 * <pre>
 * requirements.txt (2 findings)
 * requirements.txt:3:1  HIGH  pip/extra-index-url  An extra index ...
 *     fix: Use a single --index-url
 * requirements.txt:7:1  MEDIUM  pip/floating-version  requests is not pinned  [baselined]
 *
 * Diagnostics
 * dist/x.whl!/x.pth:1:1  error  parse-error  ...
 *
 * Summary: 1 new finding (0 critical, 1 high, 0 medium, 0 low, 0 info), 1 baselined, 0 suppressed, 1 diagnostic
 * Scanned 12 sources (14 documents)
 * FAIL (fail-on: high)
 * </pre>
 *
 * <p>Findings are grouped under a header line per file, files in the order of their first finding; a finding the baseline
 * already knew is marked {@code [baselined]}; suppressed findings are only counted (the JSON and
 * SARIF reports list them). Lines end with {@code \n} on every platform.
 *
 * <p>Echoed text is masked with {@link Redaction#mask} and control characters (terminal escape
 * sequences, line breaks, bidirectional overrides) are written as {@code \}{@code uXXXX} escapes,
 * so scanned content can neither hide a line nor drive the terminal. ANSI colours are written only
 * when the reporter was created with {@code color}.
 */
public final class TextReporter implements Reporter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BLUE = "\u001b[34m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String BOLD_GREEN = "\u001b[1;32m";

    private final boolean color;

    /** @param color whether to write ANSI colour sequences */
    public TextReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        PolicyResult policy = report.policy();
        Set<Finding> baselined = new HashSet<>(policy.baselined());
        List<Finding> findings = report.result().findings();
        StringBuilder text = new StringBuilder();

        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byFile.computeIfAbsent(finding.location().path(), path -> new ArrayList<>()).add(finding);
        }
        String gap = "";
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            text.append(gap).append(paint(BOLD, clean(file.getKey())))
                    .append(" (").append(count(file.getValue().size(), "finding")).append(")\n");
            for (Finding finding : file.getValue()) {
                appendFinding(text, finding, baselined.contains(finding));
            }
            gap = "\n";
        }

        List<Diagnostic> diagnostics = report.result().diagnostics();
        if (!diagnostics.isEmpty()) {
            if (!findings.isEmpty()) {
                text.append('\n');
            }
            text.append(paint(BOLD, "Diagnostics")).append('\n');
            for (Diagnostic diagnostic : diagnostics) {
                appendDiagnostic(text, diagnostic);
            }
        }
        if (findings.isEmpty() && diagnostics.isEmpty()) {
            text.append("No findings.\n");
        }

        text.append('\n');
        appendSummary(text, ReportSummary.of(report), policy);
        out.write(text.toString());
    }

    private void appendFinding(StringBuilder text, Finding finding, boolean baselined) {
        text.append(position(finding.location())).append("  ")
                .append(paint(severityColor(finding.severity()), finding.severity().name())).append("  ")
                .append(clean(finding.ruleId())).append("  ")
                .append(clean(finding.message()));
        if (baselined) {
            text.append("  ").append(paint(DIM, "[baselined]"));
        }
        text.append('\n');
        for (Fix fix : finding.fixes()) {
            text.append("    ").append(paint(DIM, "fix: " + clean(fix.description()))).append('\n');
        }
    }

    private void appendDiagnostic(StringBuilder text, Diagnostic diagnostic) {
        boolean error = diagnostic.level() == Diagnostic.Level.ERROR;
        text.append(position(diagnostic.location())).append("  ")
                .append(paint(error ? RED : YELLOW, error ? "error" : "warning")).append("  ")
                .append(clean(diagnostic.code())).append("  ")
                .append(clean(diagnostic.message())).append('\n');
    }

    private void appendSummary(StringBuilder text, ReportSummary summary, PolicyResult policy) {
        text.append("Summary: ").append(count(summary.newFindings(), "new finding")).append(" (");
        String separator = "";
        for (Severity severity : ReportSummary.MOST_SERIOUS_FIRST) {
            int n = summary.newCount(severity);
            String item = n + " " + severity.id();
            text.append(separator).append(n > 0 ? paint(severityColor(severity), item) : item);
            separator = ", ";
        }
        text.append("), ").append(summary.baselined()).append(" baselined, ")
                .append(summary.suppressed()).append(" suppressed, ")
                .append(count(summary.diagnostics(), "diagnostic")).append('\n');
        text.append("Scanned ").append(count(summary.sources(), "source"))
                .append(" (").append(count(summary.documents(), "document")).append(")\n");
        boolean pass = policy.verdict() == Verdict.PASS;
        text.append(paint(pass ? BOLD_GREEN : BOLD_RED, pass ? "PASS" : "FAIL"))
                .append(" (fail-on: ").append(policy.failOn().id()).append(")\n");
    }

    private static String position(Location location) {
        return clean(location.path()) + ":" + location.startLine() + ":" + location.startColumn();
    }

    private static String severityColor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> MAGENTA;
            case HIGH -> RED;
            case MEDIUM -> YELLOW;
            case LOW -> BLUE;
            case INFO -> DIM;
        };
    }

    private String paint(String style, String text) {
        return color ? style + text + RESET : text;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Masks credentials and escapes every character that could break a line or steer a terminal. */
    static String clean(String text) {
        String masked = Redaction.mask(text);
        StringBuilder out = null;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(masked.length() + 16).append(masked, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? masked : out.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'                  // line and paragraph separators
                || c == '\u200e' || c == '\u200f' || c == '\u061c' // directional marks
                || (c >= '\u202a' && c <= '\u202e')                // bidirectional embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069');               // bidirectional isolates
    }
}

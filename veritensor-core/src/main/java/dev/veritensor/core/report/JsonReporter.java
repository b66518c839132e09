package dev.veritensor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Suppression;
import dev.veritensor.api.TextEdit;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report for scripts: one JSON object whose shape is a public contract, versioned by
 * {@code schemaVersion}. Keys always appear, in the order below; lists may be empty. A change that
 * removes or renames a key, or changes a value's meaning, increments {@code schemaVersion}; new keys
 * may be added without one. The output holds no timestamp or duration: the same scan gives the
 * same bytes, whatever the thread count. Strings are masked with {@link Redaction#mask}.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "tool": { "name": "Veritensor", "version": "0.1.0" },
 *   "verdict": "fail",                 // "pass" or "fail"
 *   "failOn": "high",                  // the threshold applied: info, low, medium, high, critical
 *   "summary": {
 *     "critical": 0, "high": 1, "medium": 2, "low": 0, "info": 0,  // new findings per severity
 *     "total": 4,                      // active findings: new + baselined
 *     "new": 3,                        // active findings not in the baseline (what the verdict judges)
 *     "baselined": 1,                  // active findings the baseline already knew
 *     "suppressed": 1,                 // findings suppressed by in-source comments
 *     "diagnostics": 1,                // entries of "diagnostics"
 *     "sources": 12,                   // files and archive members offered to parsers
 *     "documents": 14                  // documents parsed, derived ones included
 *   },
 *   "findings": [                      // active findings, sorted by path, line, column, rule id
 *     {
 *       "ruleId": "pip/extra-index-url",
 *       "severity": "high",            // effective severity, after configuration
 *       "message": "...",
 *       "location": { "path": "requirements.txt", "startLine": 3, "startColumn": 1,
 *                     "endLine": 3, "endColumn": 41 },
 *       "fingerprint": "3f1c...",      // stable identity, what baselines store
 *       "baselined": false,
 *       "fixes": [
 *         { "description": "...",
 *           "edits": [ { "range": { <location> }, "replacement": "..." } ] }
 *       ]
 *     }
 *   ],
 *   "suppressed": [                    // findings silenced by "# veritensor: ignore[rule-id] reason"
 *     { "ruleId", "severity", "message", "location", "fingerprint", "fixes" as above,
 *       "justification": "reason, possibly empty",
 *       "comment": { <location of the suppression comment> } }
 *   ],
 *   "diagnostics": [                   // input that could not be analysed as intended
 *     { "code": "parse-error", "level": "error", "message": "...", "location": { <location> } }
 *   ],                                 // level: "error" (content not analysed) or "warning"
 *   "rules": [                         // every rule that ran, sorted by id
 *     { "id": "pip/extra-index-url", "title": "...", "severity": "high", "description": "...",
 *       "remediation": "...", "tags": [ "CWE-427" ], "helpUri": "https://..." }
 *   ]
 * }
 * }</pre>
 *
 * <p>Lines and columns are 1-based; the end column is exclusive; columns count UTF-16 code units.
 * Paths are relative to the scan root with {@code /} separators; archive members read
 * {@code dist/x.whl!/x.pth}.
 */
public final class JsonReporter implements Reporter {

    /** The version of the shape documented above. */
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(Report report, Writer out) throws IOException {
        ReportSummary summary = ReportSummary.of(report);
        Set<Finding> baselined = new HashSet<>(report.policy().baselined());
        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", Redaction.mask(report.tool().name()));
        g.writeStringField("version", Redaction.mask(report.tool().version()));
        g.writeEndObject();
        g.writeStringField("verdict", report.policy().verdict().name().toLowerCase(Locale.ROOT));
        g.writeStringField("failOn", report.policy().failOn().id());
        writeSummary(g, summary);

        g.writeArrayFieldStart("findings");
        for (Finding finding : report.result().findings()) {
            g.writeStartObject();
            writeFindingFields(g, finding);
            g.writeBooleanField("baselined", baselined.contains(finding));
            writeFixes(g, finding);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("suppressed");
        for (Suppression suppression : report.result().suppressed()) {
            g.writeStartObject();
            writeFindingFields(g, suppression.finding());
            writeFixes(g, suppression.finding());
            g.writeStringField("justification", Redaction.mask(suppression.justification()));
            writeLocation(g, "comment", suppression.comment());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic diagnostic : report.result().diagnostics()) {
            g.writeStartObject();
            g.writeStringField("code", Redaction.mask(diagnostic.code()));
            g.writeStringField("level", diagnostic.level().name().toLowerCase(Locale.ROOT));
            g.writeStringField("message", Redaction.mask(diagnostic.message()));
            writeLocation(g, "location", diagnostic.location());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("rules");
        for (RuleInfo rule : report.result().rules()) {
            writeRule(g, rule);
        }
        g.writeEndArray();
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private static void writeSummary(JsonGenerator g, ReportSummary summary) throws IOException {
        g.writeObjectFieldStart("summary");
        for (Severity severity : ReportSummary.MOST_SERIOUS_FIRST) {
            g.writeNumberField(severity.id(), summary.newCount(severity));
        }
        g.writeNumberField("total", summary.total());
        g.writeNumberField("new", summary.newFindings());
        g.writeNumberField("baselined", summary.baselined());
        g.writeNumberField("suppressed", summary.suppressed());
        g.writeNumberField("diagnostics", summary.diagnostics());
        g.writeNumberField("sources", summary.sources());
        g.writeNumberField("documents", summary.documents());
        g.writeEndObject();
    }

    private static void writeFindingFields(JsonGenerator g, Finding finding) throws IOException {
        g.writeStringField("ruleId", Redaction.mask(finding.ruleId()));
        g.writeStringField("severity", finding.severity().id());
        g.writeStringField("message", Redaction.mask(finding.message()));
        writeLocation(g, "location", finding.location());
        g.writeStringField("fingerprint", finding.fingerprint());
    }

    private static void writeFixes(JsonGenerator g, Finding finding) throws IOException {
        g.writeArrayFieldStart("fixes");
        for (Fix fix : finding.fixes()) {
            g.writeStartObject();
            g.writeStringField("description", Redaction.mask(fix.description()));
            g.writeArrayFieldStart("edits");
            for (TextEdit edit : fix.edits()) {
                g.writeStartObject();
                writeLocation(g, "range", edit.range());
                g.writeStringField("replacement", Redaction.mask(edit.replacement()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeLocation(JsonGenerator g, String field, Location location) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("path", Redaction.mask(location.path()));
        g.writeNumberField("startLine", location.startLine());
        g.writeNumberField("startColumn", location.startColumn());
        g.writeNumberField("endLine", location.endLine());
        g.writeNumberField("endColumn", location.endColumn());
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleInfo rule) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("title", Redaction.mask(rule.title()));
        g.writeStringField("severity", rule.defaultSeverity().id());
        g.writeStringField("description", Redaction.mask(rule.description()));
        g.writeStringField("remediation", Redaction.mask(rule.remediation()));
        g.writeArrayFieldStart("tags");
        for (String tag : rule.tags()) {
            g.writeString(Redaction.mask(tag));
        }
        g.writeEndArray();
        g.writeStringField("helpUri", Redaction.mask(rule.helpUri()));
        g.writeEndObject();
    }
}

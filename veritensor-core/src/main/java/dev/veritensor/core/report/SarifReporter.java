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
import dev.veritensor.core.policy.PolicyResult;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report for code scanning services: a SARIF 2.1.0 log with one run, shaped the way GitHub code
 * scanning ingests it.
 *
 * <ul>
 *   <li>{@code tool.driver}: name, version, {@code semanticVersion}, {@code informationUri} and one
 *       rule per rule that ran, with {@code shortDescription} (title), {@code fullDescription},
 *       {@code help} (description and remediation), {@code helpUri},
 *       {@code defaultConfiguration.level} and {@code properties}: {@code tags} ({@code security},
 *       the rule's tags, each CWE also as {@code external/cwe/cwe-NNN}), {@code security-severity}
 *       (CRITICAL 9.5, HIGH 8.0, MEDIUM 5.5, LOW 3.0, INFO 0.0, which GitHub ranks critical, high,
 *       medium, low, none) and {@code precision} (the rule's {@link dev.veritensor.api.Precision}).</li>
 *   <li>Levels: CRITICAL and HIGH are {@code error}, MEDIUM {@code warning}, LOW and INFO
 *       {@code note}.</li>
 *   <li>{@code results}: the active findings, then the suppressed ones. Each has ruleId, ruleIndex,
 *       level, message, one location with a percent-encoded URI relative to {@code %SRCROOT%} and the
 *       full region, {@code partialFingerprints["veritensor/v1"]}, and {@code fixes} where the finding
 *       has any. Active results carry {@code baselineState} ({@code new}, or {@code unchanged} when
 *       the baseline knew the finding); suppressed ones carry an {@code inSource} suppression with
 *       its justification and comment location instead.</li>
 *   <li>Diagnostics are {@code invocations[0].toolExecutionNotifications}; the invocation is
 *       successful (a diagnostic never stops a scan).</li>
 * </ul>
 *
 * <p>Columns are UTF-16 code units ({@code columnKind}). Archive members keep their readable
 * {@code dist/x.whl!/x.pth} form. Every echoed string is masked with {@link Redaction#mask}. The log
 * holds no timestamp or duration, so the same scan gives the same bytes.
 */
public final class SarifReporter implements Reporter {

    /** Where the SARIF 2.1.0 schema is published. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The symbol result URIs are relative to: the scan root. */
    public static final String SRCROOT = "%SRCROOT%";

    /** The key of Veritensor's fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "veritensor/v1";

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<RuleInfo> rules = new ArrayList<>();
        for (RuleInfo rule : report.result().rules()) {
            if (ruleIndex.putIfAbsent(rule.id(), rules.size()) == null) {
                rules.add(rule);
            }
        }

        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        writeTool(g, report.tool(), rules);
        writeInvocation(g, report.result().diagnostics());
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        writeMessage(g, "description", "The root directory of the scan.");
        g.writeEndObject();
        g.writeEndObject();
        writeResults(g, report.policy(), report.result().findings(), report.result().suppressed(), ruleIndex);
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private static void writeTool(JsonGenerator g, Report.ToolInfo tool, List<RuleInfo> rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", Redaction.mask(tool.name()));
        String version = Redaction.mask(tool.version());
        g.writeStringField("version", version);
        if (SEMVER.matcher(version).matches()) {
            g.writeStringField("semanticVersion", version);
        }
        writeUriField(g, "informationUri", tool.informationUri());
        g.writeArrayFieldStart("rules");
        for (RuleInfo rule : rules) {
            writeRule(g, rule);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleInfo rule) throws IOException {
        String description = Redaction.mask(rule.description());
        String remediation = Redaction.mask(rule.remediation());
        String helpUri = absoluteUri(rule.helpUri());
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", pascalCase(rule.id()));
        writeMessage(g, "shortDescription", Redaction.mask(rule.title()));
        writeMessage(g, "fullDescription", description);
        g.writeObjectFieldStart("help");
        g.writeStringField("text", description + "\n\nRemediation: " + remediation);
        g.writeStringField("markdown", description + "\n\n**Remediation:** " + remediation
                + (helpUri == null ? "" : "\n\n[Rule reference](" + helpUri + ")"));
        g.writeEndObject();
        if (helpUri != null) {
            g.writeStringField("helpUri", helpUri);
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(rule.defaultSeverity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        for (String tag : tags(rule)) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeStringField("security-severity", securitySeverity(rule.defaultSeverity()));
        g.writeStringField("precision", rule.precision().reportName());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator g, List<Diagnostic> diagnostics) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Diagnostic diagnostic : diagnostics) {
            g.writeStartObject();
            g.writeStringField("level", diagnostic.level() == Diagnostic.Level.ERROR ? "error" : "warning");
            writeMessage(g, "message", Redaction.mask(diagnostic.message()));
            g.writeObjectFieldStart("descriptor");
            g.writeStringField("id", Redaction.mask(diagnostic.code()));
            g.writeEndObject();
            g.writeArrayFieldStart("locations");
            writeLocation(g, diagnostic.location());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeResults(JsonGenerator g, PolicyResult policy, List<Finding> findings,
                                     List<Suppression> suppressed, Map<String, Integer> ruleIndex)
            throws IOException {
        Set<Finding> baselined = new HashSet<>(policy.baselined());
        g.writeArrayFieldStart("results");
        for (Finding finding : findings) {
            g.writeStartObject();
            writeResultFields(g, finding, ruleIndex);
            g.writeStringField("baselineState", baselined.contains(finding) ? "unchanged" : "new");
            writeFixes(g, finding);
            g.writeEndObject();
        }
        for (Suppression suppression : suppressed) {
            g.writeStartObject();
            writeResultFields(g, suppression.finding(), ruleIndex);
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "inSource");
            if (!suppression.justification().isEmpty()) {
                g.writeStringField("justification", Redaction.mask(suppression.justification()));
            }
            g.writeFieldName("location");
            writeLocation(g, suppression.comment());
            g.writeEndObject();
            g.writeEndArray();
            writeFixes(g, suppression.finding());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeResultFields(JsonGenerator g, Finding finding, Map<String, Integer> ruleIndex)
            throws IOException {
        g.writeStringField("ruleId", Redaction.mask(finding.ruleId()));
        Integer index = ruleIndex.get(finding.ruleId());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", level(finding.severity()));
        writeMessage(g, "message", Redaction.mask(finding.message()));
        g.writeArrayFieldStart("locations");
        writeLocation(g, finding.location());
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, finding.fingerprint());
        g.writeEndObject();
    }

    /** Writes the finding's fixes, if any; fixes that read the same once masked are written once. */
    private static void writeFixes(JsonGenerator g, Finding finding) throws IOException {
        Set<Fix> fixes = new LinkedHashSet<>();
        for (Fix fix : finding.fixes()) {
            List<TextEdit> edits = new ArrayList<>();
            for (TextEdit edit : fix.edits()) {
                edits.add(new TextEdit(edit.range(), Redaction.mask(edit.replacement())));
            }
            fixes.add(new Fix(Redaction.mask(fix.description()), edits));
        }
        if (fixes.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("fixes");
        for (Fix fix : fixes) {
            g.writeStartObject();
            writeMessage(g, "description", fix.description());
            Map<String, List<TextEdit>> byArtifact = new LinkedHashMap<>();
            for (TextEdit edit : fix.edits()) {
                byArtifact.computeIfAbsent(artifactUri(edit.range().path()), uri -> new ArrayList<>()).add(edit);
            }
            g.writeArrayFieldStart("artifactChanges");
            for (Map.Entry<String, List<TextEdit>> change : byArtifact.entrySet()) {
                g.writeStartObject();
                writeArtifactLocation(g, change.getKey());
                g.writeArrayFieldStart("replacements");
                for (TextEdit edit : change.getValue()) {
                    g.writeStartObject();
                    g.writeFieldName("deletedRegion");
                    writeRegion(g, edit.range());
                    if (!edit.replacement().isEmpty()) {
                        g.writeObjectFieldStart("insertedContent");
                        g.writeStringField("text", edit.replacement());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes a {@code location} object with its physical location. */
    private static void writeLocation(JsonGenerator g, Location location) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(g, artifactUri(location.path()));
        g.writeFieldName("region");
        writeRegion(g, location);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeArtifactLocation(JsonGenerator g, String uri) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
    }

    private static void writeRegion(JsonGenerator g, Location location) throws IOException {
        g.writeStartObject();
        g.writeNumberField("startLine", location.startLine());
        g.writeNumberField("startColumn", location.startColumn());
        g.writeNumberField("endLine", location.endLine());
        g.writeNumberField("endColumn", location.endColumn());
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static void writeUriField(JsonGenerator g, String field, String uri) throws IOException {
        String absolute = absoluteUri(uri);
        if (absolute != null) {
            g.writeStringField(field, absolute);
        }
    }

    /** The SARIF level of a severity. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's {@code security-severity} score of a severity, as the string SARIF carries. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** {@code pip/extra-index-url} becomes {@code PipExtraIndexUrl}. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (String word : WORD_BREAK.split(id)) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return name.toString();
    }

    /** {@code security}, the rule's tags, and each CWE tag as GitHub's {@code external/cwe/cwe-NNN}, once each. */
    static Set<String> tags(RuleInfo rule) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        for (String tag : rule.tags()) {
            tags.add(Redaction.mask(tag));
        }
        for (String cwe : rule.cwes()) {
            var m = CWE.matcher(cwe);
            if (m.matches()) {
                tags.add(String.format(Locale.ROOT, "external/cwe/cwe-%03d", Integer.parseInt(m.group(1))));
            }
        }
        return tags;
    }

    /**
     * The scan path as a relative URI reference: UTF-8 percent-encoding for every character outside
     * RFC 3986's unreserved and sub-delimiter sets, {@code @} and {@code /}. {@code :} is encoded so a
     * first segment never reads as a scheme; {@code !} stays, so {@code a.whl!/x.pth} stays readable.
     */
    static String artifactUri(String path) {
        String masked = Redaction.mask(path);
        StringBuilder uri = new StringBuilder(masked.length() + 8);
        for (byte b : masked.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUriSafe(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return uri.toString();
    }

    private static boolean isUriSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }

    /** The masked URI when it is absolute (has a scheme), else null: SARIF requires a URI there. */
    private static String absoluteUri(String text) {
        String masked = Redaction.mask(text);
        try {
            return new URI(masked).isAbsolute() ? masked : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

package dev.veritensor.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.veritensor.core.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws Exception {
        JsonNode json = parse(SampleReports.full());
        assertThat(names(json)).containsExactly("schemaVersion", "tool", "verdict", "failOn", "summary",
                "findings", "suppressed", "diagnostics", "rules");
        assertThat(names(json.get("summary"))).containsExactly("critical", "high", "medium", "low", "info",
                "total", "new", "baselined", "suppressed", "diagnostics", "sources", "documents");
        assertThat(names(json.get("findings").get(0))).containsExactly("ruleId", "severity", "message", "location",
                "fingerprint", "baselined", "fixes");
        assertThat(names(json.get("findings").get(0).get("location")))
                .containsExactly("path", "startLine", "startColumn", "endLine", "endColumn");
        assertThat(names(json.get("rules").get(0))).containsExactly("id", "title", "severity", "description",
                "remediation", "tags", "helpUri");
    }

    @Test
    void headerAndSummaryDescribeTheScan() throws Exception {
        JsonNode json = parse(SampleReports.full());

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(JsonReporter.SCHEMA_VERSION).isEqualTo(1);
        assertThat(json.get("tool").get("name").asText()).isEqualTo("Veritensor");
        assertThat(json.get("tool").get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
        assertThat(json.get("failOn").asText()).isEqualTo("high");
        JsonNode summary = json.get("summary");
        // six active findings, the MEDIUM one baselined; two suppressed; three diagnostics
        assertThat(summary.get("critical").asInt()).isEqualTo(1);
        assertThat(summary.get("high").asInt()).isEqualTo(2);
        assertThat(summary.get("medium").asInt()).isZero();
        assertThat(summary.get("low").asInt()).isEqualTo(1);
        assertThat(summary.get("info").asInt()).isEqualTo(1);
        assertThat(summary.get("total").asInt()).isEqualTo(6);
        assertThat(summary.get("new").asInt()).isEqualTo(5);
        assertThat(summary.get("baselined").asInt()).isEqualTo(1);
        assertThat(summary.get("suppressed").asInt()).isEqualTo(2);
        assertThat(summary.get("diagnostics").asInt()).isEqualTo(3);
        assertThat(summary.get("sources").asInt()).isEqualTo(9);
        assertThat(summary.get("documents").asInt()).isEqualTo(11);
        assertThat(parse(SampleReports.passing()).get("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void findingsKeepReportOrderWithLocationsFingerprintsAndFixes() throws Exception {
        Report report = SampleReports.full();
        JsonNode findings = parse(report).get("findings");

        assertThat(findings).hasSize(report.result().findings().size());
        for (int i = 0; i < findings.size(); i++) {
            Finding expected = report.result().findings().get(i);
            JsonNode actual = findings.get(i);
            assertThat(actual.get("ruleId").asText()).isEqualTo(expected.ruleId());
            assertThat(actual.get("severity").asText()).isEqualTo(expected.severity().id());
            assertThat(actual.get("fingerprint").asText()).isEqualTo(expected.fingerprint());
            assertThat(actual.get("baselined").asBoolean()).isEqualTo(report.policy().isBaselined(expected));
            JsonNode location = actual.get("location");
            assertThat(location.get("path").asText()).isEqualTo(expected.location().path());
            assertThat(location.get("startLine").asInt()).isEqualTo(expected.location().startLine());
            assertThat(location.get("startColumn").asInt()).isEqualTo(expected.location().startColumn());
            assertThat(location.get("endLine").asInt()).isEqualTo(expected.location().endLine());
            assertThat(location.get("endColumn").asInt()).isEqualTo(expected.location().endColumn());
            assertThat(actual.get("fixes")).hasSize(expected.fixes().size());
        }

        JsonNode floating = findings.get(3);
        assertThat(floating.get("ruleId").asText()).isEqualTo("pip/floating-version");
        assertThat(floating.get("message").asText()).isEqualTo("requests>=2.0 is not pinned to one version");
        assertThat(floating.get("baselined").asBoolean()).isTrue();
        JsonNode fix = floating.get("fixes").get(0);
        assertThat(fix.get("description").asText()).isEqualTo("Pin requests to 2.32.3");
        JsonNode edit = fix.get("edits").get(0);
        assertThat(edit.get("replacement").asText()).isEqualTo("==2.32.3");
        assertThat(edit.get("range").get("startColumn").asInt()).isEqualTo(9);
        assertThat(edit.get("range").get("endColumn").asInt()).isEqualTo(14);
        assertThat(findings.get(0).get("location").get("path").asText()).isEqualTo("dist/pkg-1.0-py3-none-any.whl!/pkg.pth");
        assertThat(findings.get(1).get("location").get("path").asText()).isEqualTo("notes/ünïcode 名前.in");
    }

    @Test
    void suppressedDiagnosticsAndRulesAreListed() throws Exception {
        JsonNode json = parse(SampleReports.full());

        JsonNode suppressed = json.get("suppressed");
        assertThat(suppressed).hasSize(2);
        assertThat(names(suppressed.get(0))).containsExactly("ruleId", "severity", "message", "location",
                "fingerprint", "fixes", "justification", "comment");
        assertThat(suppressed.get(0).get("justification").asText()).isEqualTo("pinned by constraints from https://***@host/simple");
        assertThat(suppressed.get(0).get("comment").get("startLine").asInt()).isEqualTo(8);
        assertThat(suppressed.get(0).get("fixes").get(0).get("edits")).hasSize(2);
        assertThat(suppressed.get(1).get("justification").asText()).isEmpty();

        JsonNode diagnostics = json.get("diagnostics");
        assertThat(diagnostics).hasSize(3);
        assertThat(diagnostics.get(0).get("code").asText()).isEqualTo("parse-error");
        assertThat(diagnostics.get(0).get("level").asText()).isEqualTo("error");
        assertThat(diagnostics.get(0).get("location").get("path").asText()).isEqualTo("broken/requirements.txt");
        assertThat(diagnostics.get(2).get("level").asText()).isEqualTo("warning");

        JsonNode rules = json.get("rules");
        assertThat(rules).hasSize(6);
        JsonNode extra = rules.get(0);
        assertThat(extra.get("id").asText()).isEqualTo("pip/extra-index-url");
        assertThat(extra.get("severity").asText()).isEqualTo("high");
        assertThat(extra.get("title").asText()).isEqualTo(SampleReports.EXTRA_INDEX.title());
        assertThat(extra.get("remediation").asText()).isEqualTo(SampleReports.EXTRA_INDEX.remediation());
        assertThat(extra.get("tags")).extracting(JsonNode::asText).containsExactly("dependency-confusion", "CWE-427");
        assertThat(extra.get("helpUri").asText()).isEqualTo(SampleReports.EXTRA_INDEX.helpUri());
    }

    @Test
    void emptyReportHasEveryKeyWithEmptyLists() throws Exception {
        String text = render(new JsonReporter(), SampleReports.empty());
        JsonNode json = MAPPER.readTree(text);

        assertThat(json.get("verdict").asText()).isEqualTo("pass");
        assertThat(json.get("findings")).isEmpty();
        assertThat(json.get("suppressed")).isEmpty();
        assertThat(json.get("diagnostics")).isEmpty();
        assertThat(json.get("summary").get("total").asInt()).isZero();
        assertThat(text).contains("\"findings\": [],\n").endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void anyTextSurvivesTheRoundTrip() throws Exception {
        String hostile = "quote \" backslash \\ newline \n escape \u001b[2J nul \u0000 bidi \u202e emoji \uD83D\uDE80";
        Finding finding = SampleReports.finding(SampleReports.FLOATING, Severity.MEDIUM, hostile,
                Location.ofLine("dir/\u00e9 \"x\".txt", 1, 1, 2), List.of());
        Report report = SampleReports.report(List.of(finding), Set.of(), List.of(), List.of(),
                List.of(SampleReports.FLOATING), Severity.HIGH, new ScanResult.Stats(1, 1));

        JsonNode parsed = parse(report).get("findings").get(0);
        assertThat(parsed.get("message").asText()).isEqualTo(hostile);
        assertThat(parsed.get("location").get("path").asText()).isEqualTo("dir/\u00e9 \"x\".txt");
    }

    private static JsonNode parse(Report report) throws Exception {
        return MAPPER.readTree(render(new JsonReporter(), report));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

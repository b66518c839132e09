package dev.veritensor.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.veritensor.core.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

class SarifReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> AWKWARD_PATHS = List.of(
            "dir with spaces/requirements dev.txt",
            "ünïcode/名前/reqs.txt",
            "emoji/\uD83D\uDE80.txt",
            "dist/pkg-1.0-py3-none-any.whl!/pkg-1.0.dist-info/RECORD",
            "dist/outer.tar.gz!/inner.whl!/evil.pth",
            "percent%20sign/100%.txt",
            "query?and#hash/[brackets]{braces}.txt",
            "c:colon/first:segment.txt",
            "-dash/'quote'\"double\"`tick`.txt",
            "back\\slash|pipe^caret<less>.txt");

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("empty", SampleReports.empty()),
                Arguments.of("full", SampleReports.full()),
                Arguments.of("passing", SampleReports.passing()),
                Arguments.of("awkward paths", SampleReports.awkwardPaths(AWKWARD_PATHS)),
                Arguments.of("many findings", SampleReports.many(600, 42)),
                Arguments.of("many findings, other seed", SampleReports.many(250, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void everyReportIsValidSarif(String name, Report report) {
        assertThat(SarifSchemaValidator.violations(render(new SarifReporter(), report))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsInvalidLogs() throws Exception {
        ObjectNode valid = (ObjectNode) sarif(SampleReports.full());

        ObjectNode wrongVersion = valid.deepCopy();
        wrongVersion.put("version", "2.0.0");
        ObjectNode wrongLevel = valid.deepCopy();
        ((ObjectNode) wrongLevel.at("/runs/0/results/0")).put("level", "fatal");
        ObjectNode badUri = valid.deepCopy();
        ((ObjectNode) badUri.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "dir with spaces/x y.txt");
        ObjectNode duplicateTags = valid.deepCopy();
        ((ArrayNode) duplicateTags.at("/runs/0/tool/driver/rules/0/properties/tags"))
                .add("security");

        for (ObjectNode invalid : List.of(wrongVersion, wrongLevel, badUri, duplicateTags)) {
            assertThat(SarifSchemaValidator.violations(MAPPER.writeValueAsString(invalid))).isNotEmpty();
        }
        assertThat(SarifSchemaValidator.violations(MAPPER.writeValueAsString(valid))).isEmpty();
    }

    @Test
    void driverDescribesTheToolAndEveryRule() throws Exception {
        JsonNode run = sarif(SampleReports.full()).get("runs").get(0);
        assertThat(sarif(SampleReports.full()).get("$schema").asText()).isEqualTo(SarifReporter.SCHEMA_URI);
        assertThat(sarif(SampleReports.full()).get("version").asText()).isEqualTo("2.1.0");

        JsonNode driver = run.at("/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Veritensor");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://veritensor.dev");
        assertThat(driver.get("rules")).extracting(r -> r.get("id").asText()).containsExactly(
                "pip/extra-index-url", "pip/floating-version", "pip/no-index-note", "pip/pre-release",
                "pip/pth-exec", "pip/typosquat");

        JsonNode extra = driver.get("rules").get(0);
        assertThat(extra.get("name").asText()).isEqualTo("PipExtraIndexUrl");
        assertThat(extra.at("/shortDescription/text").asText()).isEqualTo(SampleReports.EXTRA_INDEX.title());
        assertThat(extra.at("/fullDescription/text").asText()).isEqualTo(SampleReports.EXTRA_INDEX.description());
        assertThat(extra.at("/help/text").asText())
                .contains(SampleReports.EXTRA_INDEX.description(), SampleReports.EXTRA_INDEX.remediation());
        assertThat(extra.at("/help/markdown").asText())
                .contains("**Remediation:** " + SampleReports.EXTRA_INDEX.remediation())
                .contains("(" + SampleReports.EXTRA_INDEX.helpUri() + ")");
        assertThat(extra.get("helpUri").asText()).isEqualTo(SampleReports.EXTRA_INDEX.helpUri());
        assertThat(extra.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(extra.at("/properties/tags")).extracting(JsonNode::asText)
                .containsExactly("security", "dependency-confusion", "CWE-427", "external/cwe/cwe-427");
        assertThat(extra.at("/properties/security-severity").isTextual()).isTrue();
        assertThat(extra.at("/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(extra.at("/properties/precision").asText()).isEqualTo("high");
        assertThat(driver.get("rules").get(5).at("/properties/precision").asText())
                .as("a heuristic rule's precision is passed on").isEqualTo("medium");

        JsonNode note = driver.get("rules").get(2);
        assertThat(note.get("id").asText()).isEqualTo("pip/no-index-note");
        assertThat(note.has("helpUri")).as("a help URI that is not a URI is left out").isFalse();
        assertThat(note.at("/defaultConfiguration/level").asText()).isEqualTo("note");
        assertThat(note.at("/properties/security-severity").asText()).isEqualTo("0.0");
        assertThat(note.at("/properties/tags")).extracting(JsonNode::asText)
                .containsExactly("security", "CWE-427", "external/cwe/cwe-427");
    }

    @Test
    void severitiesMapToLevelsAndGitHubScores() {
        assertThat(Stream.of(Severity.values()).map(SarifReporter::level))
                .containsExactly("note", "note", "warning", "error", "error");
        assertThat(Stream.of(Severity.values()).map(SarifReporter::securitySeverity))
                .containsExactly("0.0", "3.0", "5.5", "8.0", "9.5");
    }

    @Test
    void resultsCarryRuleLocationFingerprintAndBaselineState() throws Exception {
        Report report = SampleReports.full();
        JsonNode run = sarif(report).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        JsonNode results = run.get("results");

        assertThat(results).hasSize(report.result().findings().size() + report.result().suppressed().size());
        for (int i = 0; i < report.result().findings().size(); i++) {
            Finding finding = report.result().findings().get(i);
            JsonNode result = results.get(i);
            assertThat(result.get("ruleId").asText()).isEqualTo(finding.ruleId());
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(finding.ruleId());
            assertThat(result.get("level").asText()).isEqualTo(SarifReporter.level(finding.severity()));
            assertThat(result.at("/partialFingerprints/veritensor~1v1").asText()).isEqualTo(finding.fingerprint());
            assertThat(result.get("baselineState").asText())
                    .isEqualTo(report.policy().isBaselined(finding) ? "unchanged" : "new");
            assertThat(result.has("suppressions")).isFalse();
            JsonNode physical = result.at("/locations/0/physicalLocation");
            assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(URI.create(physical.at("/artifactLocation/uri").asText()).getPath()).isEqualTo(finding.location().path());
            assertThat(physical.at("/region/startLine").asInt()).isEqualTo(finding.location().startLine());
            assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(finding.location().startColumn());
            assertThat(physical.at("/region/endLine").asInt()).isEqualTo(finding.location().endLine());
            assertThat(physical.at("/region/endColumn").asInt()).isEqualTo(finding.location().endColumn());
        }
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("dist/pkg-1.0-py3-none-any.whl!/pkg.pth");
        assertThat(results.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("notes/%C3%BCn%C3%AFcode%20%E5%90%8D%E5%89%8D.in");
        assertThat(results.get(5).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("sub%20dir/caf%C3%A9.txt");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%").isObject()).isTrue();
        assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
    }

    @Test
    void fixesBecomeReplacements() throws Exception {
        JsonNode results = sarif(SampleReports.full()).at("/runs/0/results");

        JsonNode pin = results.get(3).get("fixes").get(0);
        assertThat(pin.at("/description/text").asText()).isEqualTo("Pin requests to 2.32.3");
        JsonNode change = pin.at("/artifactChanges/0");
        assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("requirements.txt");
        assertThat(change.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        JsonNode replacement = change.at("/replacements/0");
        assertThat(replacement.at("/deletedRegion/startLine").asInt()).isEqualTo(4);
        assertThat(replacement.at("/deletedRegion/startColumn").asInt()).isEqualTo(9);
        assertThat(replacement.at("/deletedRegion/endColumn").asInt()).isEqualTo(14);
        assertThat(replacement.at("/insertedContent/text").asText()).isEqualTo("==2.32.3");

        assertThat(results.get(0).has("fixes")).as("no fix, no fixes key").isFalse();
        // A fix of two edits in one file is one artifact change with two replacements; a deletion has no inserted text.
        JsonNode twoEdits = results.get(6).get("fixes").get(0);
        assertThat(twoEdits.get("artifactChanges")).hasSize(1);
        assertThat(twoEdits.at("/artifactChanges/0/replacements")).hasSize(2);
        assertThat(twoEdits.at("/artifactChanges/0/replacements/1").has("insertedContent")).isFalse();
    }

    @Test
    void suppressedFindingsAreResultsWithAnInSourceSuppression() throws Exception {
        Report report = SampleReports.full();
        JsonNode results = sarif(report).at("/runs/0/results");
        int active = report.result().findings().size();

        JsonNode justified = results.get(active);
        assertThat(justified.get("ruleId").asText()).isEqualTo("pip/floating-version");
        assertThat(justified.has("baselineState")).isFalse();
        assertThat(justified.get("suppressions")).hasSize(1);
        assertThat(justified.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(justified.at("/suppressions/0/justification").asText())
                .isEqualTo("pinned by constraints from https://***@host/simple");
        assertThat(justified.at("/suppressions/0/location/physicalLocation/region/startLine").asInt()).isEqualTo(8);

        JsonNode unjustified = results.get(active + 1);
        assertThat(unjustified.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(unjustified.at("/suppressions/0").has("justification")).isFalse();
    }

    @Test
    void diagnosticsAreToolExecutionNotifications() throws Exception {
        JsonNode invocation = sarif(SampleReports.full()).at("/runs/0/invocations/0");

        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        JsonNode notifications = invocation.get("toolExecutionNotifications");
        assertThat(notifications).hasSize(3);
        assertThat(notifications).extracting(n -> n.get("level").asText()).containsExactly("error", "error", "warning");
        assertThat(notifications).extracting(n -> n.at("/descriptor/id").asText())
                .containsExactly("parse-error", "file-too-large", "unused-suppression");
        assertThat(notifications.get(0).at("/message/text").asText())
                .isEqualTo("cannot read --index-url https://***@host/simple: unterminated continuation");
        assertThat(notifications.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("broken/requirements.txt");
        assertThat(notifications.get(0).at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
    }

    @Test
    void awkwardPathsBecomeUrisThatDecodeBackToThePath() throws Exception {
        JsonNode run = sarif(SampleReports.awkwardPaths(AWKWARD_PATHS)).get("runs").get(0);

        List<String> uris = run.get("results").findValues("uri").stream().map(JsonNode::asText).toList();
        assertThat(uris).hasSize(2 * AWKWARD_PATHS.size()); // each result: its location and its fix
        for (String uri : uris) {
            URI parsed = URI.create(uri);
            assertThat(parsed.isAbsolute()).as(uri).isFalse();
            assertThat(parsed.getRawQuery()).as(uri).isNull();
            assertThat(parsed.getRawFragment()).as(uri).isNull();
            assertThat(AWKWARD_PATHS).contains(parsed.getPath());
        }
        assertThat(uris).contains("dist/outer.tar.gz!/inner.whl!/evil.pth", "percent%2520sign/100%25.txt",
                "c%3Acolon/first%3Asegment.txt", "emoji/%F0%9F%9A%80.txt");
    }

    @Test
    void artifactUriKeepsSafeCharactersAndEncodesTheRest() {
        assertThat(SarifReporter.artifactUri("a.whl!/x.pth")).isEqualTo("a.whl!/x.pth");
        assertThat(SarifReporter.artifactUri("a b/c")).isEqualTo("a%20b/c");
        assertThat(SarifReporter.artifactUri("é")).isEqualTo("%C3%A9");
        assertThat(SarifReporter.artifactUri("x#y?z")).isEqualTo("x%23y%3Fz");
    }

    @Test
    void ruleNamesArePascalCaseIds() {
        assertThat(SarifReporter.pascalCase("pip/extra-index-url")).isEqualTo("PipExtraIndexUrl");
        assertThat(SarifReporter.pascalCase("ci2/x")).isEqualTo("Ci2X");
    }

    @Test
    void aFindingOfAnUnlistedRuleHasNoRuleIndex() throws Exception {
        Finding orphan = SampleReports.finding(SampleReports.TYPOSQUAT, Severity.HIGH, "x",
                Location.ofLine("r.txt", 1, 1, 2), List.of());
        Report report = SampleReports.report(List.of(orphan), Set.of(), List.of(), List.of(),
                List.<RuleInfo>of(), Severity.HIGH, new ScanResult.Stats(1, 1));
        String sarif = render(new SarifReporter(), report);

        assertThat(MAPPER.readTree(sarif).at("/runs/0/results/0").has("ruleIndex")).isFalse();
        assertThat(SarifSchemaValidator.violations(sarif)).isEmpty();
    }

    private static JsonNode sarif(Report report) throws Exception {
        return MAPPER.readTree(render(new SarifReporter(), report));
    }
}

package dev.veritensor.cli;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.Expectation;
import dev.veritensor.testkit.ExpectationReader;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the pip pack's rules on install commands and pip/uv variables inside real CI files —
 * a GitHub Actions workflow, a GitLab pipeline and a Dockerfile that the CI pack reads into
 * scripts. The fixture's {@code pip/} annotations and every diagnostic are checked exactly (the
 * CI pack's own rules fire on these files too and are its tests' concern).
 */
class PipInCiScriptsTest {

    private static final Path FIXTURE = Path.of("src/test/resources/pip-in-ci-scripts");
    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack(), new CiRulePack());

    private static List<Expectation> actual(ScanResult result) {
        List<Expectation> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().startsWith("pip/")) {
                out.add(new Expectation(f.location().path(), f.location().startLine(), f.ruleId(), false));
            }
        }
        for (Diagnostic d : result.diagnostics()) {
            out.add(new Expectation(d.location().path(), d.location().startLine(), d.code(), true));
        }
        out.sort(null);
        return out;
    }

    @Test
    void pipFindingsAreExactlyThoseAnnotatedOnTheCiFilesLines() throws IOException {
        ScanResult result = TESTER.scan(FIXTURE);
        List<Expectation> expected = ExpectationReader.read(FIXTURE).stream()
                .filter(e -> e.diagnostic() || e.id().startsWith("pip/")).toList();
        assertThat(actual(result)).as(result.findings().toString()).containsExactlyElementsOf(expected);
    }

    @Test
    void aWorkflowVariableSharedByEveryStepIsReportedOnceWithItsCredentialMasked() {
        ScanResult result = TESTER.scan(FIXTURE);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("pip/extra-index-url")
                && f.location().path().equals(".github/workflows/train.yml")).singleElement()
                .satisfies(f -> assertThat(f.location().startColumn()).isEqualTo(24));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("pip/index-credentials")).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("hunter2"));
    }

    @Test
    void upgradingThePackagingToolsIsLowAndTheBuildFailsOnTheExtraIndex() {
        ScanResult result = TESTER.scan(FIXTURE);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("pip/floating-version")
                && f.location().path().equals(".gitlab-ci.yml") && f.location().startLine() == 10)
                .extracting(Finding::severity).containsExactly(Severity.LOW, Severity.LOW, Severity.LOW);
        ScanCommandTest.Run run = ScanCommandTest.run("scan", FIXTURE.toString(), "--no-color");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(".github/workflows/train.yml:13:").contains("pip/extra-index-url");
    }
}

package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.TextEdit;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static dev.veritensor.rules.pip.rules.RuleFixturesTest.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

/** What the fixture annotations cannot say: fixes, severities, columns and message contents. */
class RuleDetailsTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    private static List<Finding> findings(String rule, String folder, String ruleId) {
        return TESTER.scan(fixtures(rule).resolve(folder)).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void aLoneExtraIndexGetsAFixThatMakesItThePrimary() {
        Finding f = findings("extra-index-url", "lone-extra", "pip/extra-index-url").get(0);
        assertThat(f.location()).isEqualTo(Location.ofLine("requirements.txt", 1, 19, 51));
        assertThat(f.fixes()).hasSize(1);
        Fix fix = f.fixes().get(0);
        assertThat(fix.edits()).containsExactly(
                new TextEdit(Location.ofLine("requirements.txt", 1, 1, 18), "--index-url"));

        Finding conf = findings("extra-index-url", "lone-extra-conf", "pip/extra-index-url").get(0);
        assertThat(conf.fixes().get(0).edits()).containsExactly(
                new TextEdit(Location.ofLine("pip.conf", 3, 1, 16), "index-url"));
    }

    @Test
    void aLoneExtraIndexThatIsNotTheOrganisationsGetsNoFix() {
        // Without [internal] indexes the index may be a vendor's (a wheel index for one package):
        // making it the only index would break every other install.
        List<Finding> vendor = FixtureTester.forPacks(new PipRulePack()).withConfig("")
                .scan(fixtures("extra-index-url").resolve("lone-extra")).findings().stream()
                .filter(f -> f.ruleId().equals("pip/extra-index-url")).toList();
        assertThat(vendor).singleElement().satisfies(f -> assertThat(f.fixes()).isEmpty());
    }

    @Test
    void extrasBesideAPrimaryGetNoFix() {
        assertThat(findings("extra-index-url", "primary-and-extras", "pip/extra-index-url"))
                .hasSize(3).allMatch(f -> f.fixes().isEmpty());
        assertThat(findings("extra-index-url", "pip-conf", "pip/extra-index-url"))
                .hasSize(4).allMatch(f -> f.fixes().isEmpty());
    }

    @Test
    void pipToolsInputsAreLowAndInstalledFilesMedium() {
        assertThat(findings("floating-version", "pip-tools", "pip/floating-version"))
                .extracting(Finding::severity).containsOnly(Severity.LOW).hasSize(2);
        assertThat(findings("floating-version", "loose", "pip/floating-version"))
                .extracting(Finding::severity).containsOnly(Severity.MEDIUM);
    }

    @Test
    void floatingVersionLocationSpansTheContinuedRequirement() {
        Finding urllib3 = findings("floating-version", "loose", "pip/floating-version").stream()
                .filter(f -> f.message().contains("urllib3")).findFirst().orElseThrow();
        assertThat(urllib3.location()).isEqualTo(new Location("requirements.txt", 11, 1, 12, 10));
        assertThat(urllib3.message()).isEqualTo("'urllib3>=2.0' allows more than one version: pin it with == to"
                + " the version you tested");
    }

    @Test
    void credentialsNeverAppearInTheResult() {
        for (String folder : List.of("requirements", "extra-with-token", "pip-conf")) {
            ScanResult result = TESTER.scan(fixtures("index-credentials").resolve(folder));
            Stream<String> texts = Stream.concat(result.findings().stream().map(Finding::message),
                    result.diagnostics().stream().map(Diagnostic::message));
            assertThat(texts.toList()).isNotEmpty().noneMatch(t -> t.contains("s3cr3t") || t.contains("hunter2")
                    || t.contains("glpat-") || t.contains("eyJ") || t.contains("ghp_") || t.contains("deploy:"));
        }
        Finding f = findings("index-credentials", "requirements", "pip/index-credentials").get(0);
        assertThat(f.message()).contains("https://***@pypi.acme.example/simple");
    }

    @Test
    void unpinnedReferencesSayWhatMoves() {
        List<String> messages = findings("unpinned-direct-reference", "vcs", "pip/unpinned-direct-reference")
                .stream().map(Finding::message).toList();
        assertThat(messages).anyMatch(m -> m.contains("names 'main', which can move"))
                .anyMatch(m -> m.contains("names no revision, so the default branch"))
                .anyMatch(m -> m.contains("names '3f1c2a9', which can move"));
    }

    @Test
    void oneFindingPerUnhashedFileAtTheFirstHashableRequirement() {
        List<Finding> f = findings("missing-hash", "unhashed", "pip/missing-hash");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).location().startLine()).isEqualTo(3);
        assertThat(f.get(0).message()).isEqualTo("no requirement in this file has a --hash: pip installs the 4"
                + " requirements without checking what it downloads");
    }
}

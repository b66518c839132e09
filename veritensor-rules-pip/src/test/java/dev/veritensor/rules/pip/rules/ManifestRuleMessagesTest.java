package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the new rules say: the tool, how it resolves, which index, why a package is internal, counts. */
class ManifestRuleMessagesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    private static List<Finding> findings(String fixture, String rule) {
        ScanResult result = TESTER.scan(RuleFixturesTest.fixtures(fixture));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void publicIndexMessageNamesTheToolItsRuleAndThePublicIndex() {
        assertThat(findings("internal-package-public-index/poetry-primary-pypi", "pip/internal-package-public-index"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.message()).startsWith("'corp-auth' is an internal package ([internal] packages)")
                            .contains("Poetry searches every primary source")
                            .contains("PyPI (https://pypi.org/simple)");
                });
        assertThat(findings("internal-package-public-index/uv-internal-after-pypi", "pip/internal-package-public-index"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("uv (index-strategy first-index)")
                        .contains("pypi (https://pypi.org/simple)").doesNotContain("pypi.corp.example"));
    }

    @Test
    void packagesLockedFromAPrivateIndexAreInternalWithoutConfiguration() {
        assertThat(findings("internal-package-public-index/lock-derived", "pip/internal-package-public-index"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains(
                        "locked from the private index https://pypi.corp.example/simple in uv.lock"));
        assertThat(findings("internal-package-resolved-publicly/lock-derived",
                "pip/internal-package-resolved-publicly")).singleElement().satisfies(f -> {
                    assertThat(f.location().path()).isEqualTo("tools/poetry.lock");
                    assertThat(f.message()).contains("service/uv.lock").contains("public index https://pypi.org/simple")
                            .contains("version 7.0.0");
                });
    }

    @Test
    void anIndexThatServedAPopularPackageIsAProxyNotASourceOfInternalNames() {
        assertThat(findings("internal-package-public-index/proxy-is-not-internal",
                "pip/internal-package-public-index")).isEmpty();
    }

    @Test
    void unhashedEntriesAreCountedOncePerLockfile() {
        assertThat(findings("unhashed-lock-entry/poetry-v2", "pip/unhashed-lock-entry")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("2 of 2 registry and URL packages have no hash in "
                        + "poetry.lock (the first is 'scikit-learn'), so installs cannot verify the downloaded files"));
        assertThat(findings("unhashed-lock-entry/uv", "pip/unhashed-lock-entry")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("'torch' has no hash in uv.lock"));
    }

    @Test
    void outOfDateMessagesSayWhatIsMissingOrOutOfRange() {
        assertThat(findings("lock-out-of-date/uv-missing-and-stale", "pip/lock-out-of-date"))
                .extracting(Finding::message).containsExactly(
                        "uv.lock locks 'numpy' at 1.26.4, outside the declared '>=2.0': the lockfile is out of date",
                        "'rich' is declared but uv.lock does not contain it: the lockfile is out of date");
    }

    @Test
    void floatingVersionsOfManifestsAreLow() {
        ScanResult result = TESTER.scan(RuleFixturesTest.fixtures("manifest-formats/floating-pyproject"));
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("pip/floating-version");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void credentialsNeverAppearInMessages() {
        ScanResult result = TESTER.scan(RuleFixturesTest.fixtures("manifest-formats/insecure-and-credentials"));
        assertThat(result.findings()).extracting(Finding::message).noneMatch(m -> m.contains("hunter2"));
    }
}

package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Finding;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A token written into an index URL's path never reaches a report, whichever rule shows the URL. */
class IndexSecretMessagesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    private static List<Finding> findings(String fixture) {
        return TESTER.scan(RuleFixturesTest.fixtures(fixture)).findings();
    }

    @Test
    void everyMessageShowsThePathTokenMasked() {
        List<Finding> findings = findings("index-credentials/token-in-path-extra");
        assertThat(findings).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("pip/index-credentials", "pip/extra-index-url");
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotContain("fAkE0tOkEn123456789")
                .contains("https://pypi.fury.io/***/acme/"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("pip/index-credentials")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("an access token is written into the path"));
    }

    @Test
    void tokensOfEveryHostedFormAreMasked() {
        assertThat(findings("index-credentials/token-in-path")).hasSize(3).allSatisfy(f -> assertThat(f.message())
                .doesNotContain("Xq7FakeEntitlement0042").doesNotContain("fAkE0tOkEn123456789")
                .doesNotContain("ab-1234-fake-5678").contains("/***/"));
    }
}

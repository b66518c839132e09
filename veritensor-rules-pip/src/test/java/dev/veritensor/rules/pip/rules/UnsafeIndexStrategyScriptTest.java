package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code UV_INDEX_STRATEGY} in the environment another pack's file sets for a script. */
class UnsafeIndexStrategyScriptTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack(),
            new ScriptEnvironmentTestPack());

    @Test
    void unsafeStrategyInAScriptEnvironmentIsReported() {
        TESTER.assertFixtures(RuleFixturesTest.fixtures("unsafe-index-strategy-env"));
    }

    @Test
    void firstIndexInAScriptEnvironmentIsNot() {
        TESTER.assertFixtures(RuleFixturesTest.fixtures("unsafe-index-strategy-env-safe"));
    }

    @Test
    void messageNamesTheVariableAndTheScript() {
        ScanResult result = TESTER.scan(RuleFixturesTest.fixtures("unsafe-index-strategy-env"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("pip/unsafe-index-strategy");
            assertThat(f.message()).startsWith("UV_INDEX_STRATEGY=unsafe-best-match").contains("(run at line 1)");
            assertThat(f.location().startColumn()).isEqualTo("UV_INDEX_STRATEGY=".length() + 1);
        });
        assertThat(result.findings()).extracting(Finding::severity).allMatch(s -> s.name().equals("HIGH"));
    }
}

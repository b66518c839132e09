package dev.veritensor.rules.pip.rules;

import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Fixture folders of the manifest and lockfile rules and of the older rules on the new formats,
 * each scanned as a project with the whole pip pack and checked against the {@code # expect:}
 * annotations (and {@code .expect} sidecars of JSON lockfiles).
 */
class ManifestRuleFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    @TestFactory
    Stream<DynamicTest> internalPackagePublicIndex() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("internal-package-public-index"));
    }

    @TestFactory
    Stream<DynamicTest> internalPackageResolvedPublicly() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("internal-package-resolved-publicly"));
    }

    @TestFactory
    Stream<DynamicTest> unsafeIndexStrategy() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("unsafe-index-strategy"));
    }

    @TestFactory
    Stream<DynamicTest> unhashedLockEntry() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("unhashed-lock-entry"));
    }

    @TestFactory
    Stream<DynamicTest> lockOutOfDate() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("lock-out-of-date"));
    }

    @TestFactory
    Stream<DynamicTest> olderRulesOnManifestFormats() {
        return TESTER.dynamicTests(RuleFixturesTest.fixtures("manifest-formats"));
    }
}

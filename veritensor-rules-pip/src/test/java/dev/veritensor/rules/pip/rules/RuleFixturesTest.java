package dev.veritensor.rules.pip.rules;

import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Every rule's fixture folders, each scanned as a project with the whole pip pack and checked
 * against the {@code # expect:} annotations in its files (missing and extra findings both fail).
 */
class RuleFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    static Path fixtures(String rule) {
        URL url = RuleFixturesTest.class.getResource("fixtures/" + rule);
        if (url == null) {
            throw new IllegalStateException("no fixtures for " + rule);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> extraIndexUrl() {
        return TESTER.dynamicTests(fixtures("extra-index-url"));
    }

    @TestFactory
    Stream<DynamicTest> floatingVersion() {
        return TESTER.dynamicTests(fixtures("floating-version"));
    }

    @TestFactory
    Stream<DynamicTest> missingHash() {
        return TESTER.dynamicTests(fixtures("missing-hash"));
    }

    @TestFactory
    Stream<DynamicTest> insecureIndex() {
        return TESTER.dynamicTests(fixtures("insecure-index"));
    }

    @TestFactory
    Stream<DynamicTest> indexCredentials() {
        return TESTER.dynamicTests(fixtures("index-credentials"));
    }

    @TestFactory
    Stream<DynamicTest> unpinnedDirectReference() {
        return TESTER.dynamicTests(fixtures("unpinned-direct-reference"));
    }
}

package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every fixture folder under {@code fixtures/} is a scan root whose files announce their findings
 * with {@code # expect:} comments; the CI pack's rules must produce exactly those.
 */
class RuleFixturesTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RuleFixturesTest.class.getResource("../fixtures")).toURI());
    }

    @TestFactory
    Stream<DynamicTest> fixtureFolders() throws URISyntaxException {
        return FixtureTester.forPacks(new CiRulePack()).dynamicTests(fixtures());
    }
}

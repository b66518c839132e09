package dev.veritensor.examples;

import dev.veritensor.examples.pack.ForbiddenPackagePack;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/** The custom pack tested the way any pack author would: fixtures with inline expectations. */
class ForbiddenPackageRuleTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        // The pip pack parses the requirements files; each fixture's veritensor.toml turns its rules off.
        return FixtureTester.forPacks(new ForbiddenPackagePack(), new PipRulePack())
                .dynamicTests(Path.of("src/test/resources/fixtures"));
    }
}

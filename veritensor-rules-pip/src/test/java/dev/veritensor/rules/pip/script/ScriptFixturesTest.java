package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script fixtures, scanned with the whole pip pack (whose {@link PipScriptParser} reads the
 * scripts) and {@link ShellFixturePack} (which exposes {@code *.sh} files as scripts), checked
 * against their {@code # expect:} annotations: missing and extra findings both fail, so a variable
 * that several scripts share must draw one finding, not one per script.
 */
class ScriptFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack(), new ShellFixturePack());

    private static Path fixtures() {
        URL url = ScriptFixturesTest.class.getResource("fixtures");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtureFolders() {
        return TESTER.dynamicTests(fixtures());
    }

    @Test
    void thePipPackRegistersTheScriptParser() {
        assertThat(new PipRulePack().scriptParsers()).hasAtLeastOneElementOfType(PipScriptParser.class);
    }

    @Test
    void packagingToolsAreLowAndEverythingElseOnAnInstallLineMedium() {
        ScanResult result = TESTER.scan(fixtures().resolve("install-commands"));
        List<Finding> floating = result.findings().stream()
                .filter(f -> f.ruleId().equals("pip/floating-version") && f.location().path().equals("ci.sh")).toList();
        assertThat(floating).filteredOn(f -> f.location().startLine() == 5).extracting(Finding::severity)
                .containsOnly(Severity.LOW).hasSize(3);
        assertThat(floating).filteredOn(f -> f.location().startLine() != 5).extracting(Finding::severity)
                .containsOnly(Severity.MEDIUM);
    }

    @Test
    void findingsPointAtTheArgumentOnTheLine() {
        ScanResult result = TESTER.scan(fixtures().resolve("install-commands"));
        Finding squat = result.findings().stream().filter(f -> f.ruleId().equals("pip/typosquat")).findFirst()
                .orElseThrow();
        assertThat(squat.location().startLine()).isEqualTo(2);
        assertThat(squat.location().startColumn()).isEqualTo(13);
        assertThat(squat.location().endColumn()).isEqualTo(24);
        assertThat(squat.fixes()).singleElement()
                .satisfies(fix -> assertThat(fix.edits().get(0).replacement()).isEqualTo("transformers"));
    }

    @Test
    void aLoneExtraIndexOnACommandLineCanBeRenamedToThePrimaryOne() {
        ScanResult result = TESTER.scan(fixtures().resolve("index-options"));
        Finding first = result.findings().stream()
                .filter(f -> f.ruleId().equals("pip/extra-index-url") && f.location().startLine() == 1)
                .findFirst().orElseThrow();
        assertThat(first.fixes()).singleElement().satisfies(fix -> {
            assertThat(fix.edits().get(0).range().startColumn()).isEqualTo(13);
            assertThat(fix.edits().get(0).range().endColumn()).isEqualTo(30);
            assertThat(fix.edits().get(0).replacement()).isEqualTo("--index-url");
        });
    }
}

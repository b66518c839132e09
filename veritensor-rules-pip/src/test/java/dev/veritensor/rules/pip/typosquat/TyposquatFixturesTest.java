package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** pip/typosquat and pip/known-malicious on requirements fixtures, through the testkit. */
class TyposquatFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new TyposquatTestPack());

    private static Path fixtures(String dir) throws URISyntaxException {
        return Path.of(TyposquatFixturesTest.class.getResource("fixtures/" + dir).toURI());
    }

    @Test
    void requirementsFindingsAreExactlyTheAnnotatedOnes() throws URISyntaxException {
        TESTER.assertFixtures(fixtures("squats"));
    }

    @Test
    void allowDenyAndExtraPopularOptionsApply() throws URISyntaxException {
        TESTER.assertFixtures(fixtures("allow-and-deny"));
    }

    @Test
    void messageNamesTargetAndTechniqueAndTheFixReplacesTheName() throws URISyntaxException {
        ScanResult result = TESTER.scan(fixtures("squats"));
        List<Finding> squats = result.findings().stream()
                .filter(f -> f.ruleId().equals("pip/typosquat") && f.message().startsWith("'reqeusts'"))
                .toList();
        assertThat(squats).hasSize(1);
        Finding finding = squats.get(0);
        assertThat(finding.message()).contains("'requests'").contains("adjacent letters swapped");
        assertThat(finding.location().startColumn()).isEqualTo(1);
        assertThat(finding.location().endColumn()).isEqualTo(1 + "reqeusts".length());
        assertThat(finding.fixes()).singleElement()
                .satisfies(fix -> assertThat(fix.edits()).singleElement()
                        .satisfies(edit -> assertThat(edit.replacement()).isEqualTo("requests")));
    }

    @Test
    void knownMaliciousMessageNamesTheSource() throws URISyntaxException {
        ScanResult result = TESTER.scan(fixtures("squats"));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("pip/known-malicious"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("'libpeshka'").contains("rsc-dev/pypi_malware"));
    }
}

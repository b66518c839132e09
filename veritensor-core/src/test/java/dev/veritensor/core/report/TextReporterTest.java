package dev.veritensor.core.report;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.core.policy.PolicyResult;
import dev.veritensor.core.policy.Verdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static dev.veritensor.core.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

class TextReporterTest {

    private static final String ESC = "\u001b";

    @Test
    void fullReportMatchesTheGoldenFile() throws IOException {
        assertThat(render(new TextReporter(false), SampleReports.full())).isEqualTo(golden("text-report-full.txt"));
    }

    @Test
    void emptyReportSaysSoAndPasses() {
        assertThat(render(new TextReporter(false), SampleReports.empty())).isEqualTo("""
                No findings.

                Summary: 0 new findings (0 critical, 0 high, 0 medium, 0 low, 0 info), 0 baselined, 0 suppressed, 0 diagnostics
                Scanned 0 sources (0 documents)
                PASS (fail-on: high)
                """);
    }

    @Test
    void findingsBelowTheThresholdPass() {
        assertThat(render(new TextReporter(false), SampleReports.passing())).isEqualTo("""
                requirements.txt (1 finding)
                requirements.txt:2:1  MEDIUM  pip/floating-version  torch is not pinned to one version

                Summary: 1 new finding (0 critical, 0 high, 1 medium, 0 low, 0 info), 0 baselined, 0 suppressed, 0 diagnostics
                Scanned 1 source (1 document)
                PASS (fail-on: high)
                """);
    }

    @Test
    void withoutColourThereIsNoEscapeSequence() {
        assertThat(render(new TextReporter(false), SampleReports.full())).doesNotContain(ESC);
    }

    @Test
    void colourOnlyAddsEscapeSequencesToThePlainText() {
        String plain = render(new TextReporter(false), SampleReports.full());
        String coloured = render(new TextReporter(true), SampleReports.full());

        assertThat(coloured).isNotEqualTo(plain);
        assertThat(coloured.replaceAll(ESC + "\\[[0-9;]*m", "")).isEqualTo(plain);
        assertThat(coloured)
                .contains(ESC + "[35mCRITICAL" + ESC + "[0m")
                .contains(ESC + "[31mHIGH" + ESC + "[0m")
                .contains(ESC + "[33mMEDIUM" + ESC + "[0m")
                .contains(ESC + "[31merror" + ESC + "[0m")
                .contains(ESC + "[33mwarning" + ESC + "[0m")
                .contains(ESC + "[1mrequirements.txt" + ESC + "[0m (3 findings)")
                .endsWith(ESC + "[1;31mFAIL" + ESC + "[0m (fail-on: high)\n");
        assertThat(render(new TextReporter(true), SampleReports.passing()))
                .endsWith(ESC + "[1;32mPASS" + ESC + "[0m (fail-on: high)\n");
    }

    @Test
    void scannedTextCannotInjectTerminalSequencesOrLines() {
        String hostile = "evil\u001b[2J\nFAKE.txt:1:1  INFO  x/y  all clear\r\u202eexe.txt\u0007";
        Finding finding = SampleReports.finding(SampleReports.FLOATING, Severity.MEDIUM, hostile,
                Location.ofLine("a\u001b]0;title\u0007.txt", 1, 1, 2), List.of());
        Report report = SampleReports.report(List.of(finding), Set.of(), List.of(), List.of(),
                List.of(SampleReports.FLOATING), Severity.HIGH, new ScanResult.Stats(1, 1));

        for (boolean colour : new boolean[] {false, true}) {
            String text = render(new TextReporter(colour), report);
            String withoutOwnColours = text.replaceAll(ESC + "\\[[0-9;]*m", "");
            assertThat(withoutOwnColours).doesNotContain(ESC, "\r", "\u202e", "\u0007");
            assertThat(withoutOwnColours.lines().filter(l -> l.contains("evil")).toList()).singleElement().asString()
                    .contains("evil\\u001b[2J\\u000aFAKE.txt:1:1  INFO  x/y  all clear\\u000d\\u202eexe.txt\\u0007")
                    .startsWith("a\\u001b]0;title\\u0007.txt:1:1  MEDIUM  pip/floating-version  evil");
        }
    }

    @Test
    void findingsOfOneFileStayTogetherUnderOneHeader() {
        Finding a1 = SampleReports.finding(SampleReports.FLOATING, Severity.MEDIUM, "one", Location.ofLine("a.txt", 1, 1, 2), List.of());
        Finding b1 = SampleReports.finding(SampleReports.FLOATING, Severity.MEDIUM, "two", Location.ofLine("b.txt", 1, 1, 2), List.of());
        Finding a2 = SampleReports.finding(SampleReports.FLOATING, Severity.MEDIUM, "three", Location.ofLine("a.txt", 5, 1, 2), List.of());
        // Deliberately out of report order: grouping must not depend on the engine's sorting.
        Report report = new Report(new ScanResult(List.of(a1, b1, a2), List.of(), List.of(), List.of(), new ScanResult.Stats(2, 2)),
                new PolicyResult(Verdict.PASS, Severity.HIGH,
                        List.of(a1, b1, a2), List.of()), SampleReports.TOOL);

        assertThat(render(new TextReporter(false), report)).startsWith("""
                a.txt (2 findings)
                a.txt:1:1  MEDIUM  pip/floating-version  one
                a.txt:5:1  MEDIUM  pip/floating-version  three

                b.txt (1 finding)
                b.txt:1:1  MEDIUM  pip/floating-version  two

                Summary: 3 new findings""");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TextReporterTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

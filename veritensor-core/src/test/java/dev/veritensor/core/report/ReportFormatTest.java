package dev.veritensor.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    @Test
    void parsesTheLowerCaseNames() {
        assertThat(ReportFormat.parse("text")).contains(ReportFormat.TEXT);
        assertThat(ReportFormat.parse("json")).contains(ReportFormat.JSON);
        assertThat(ReportFormat.parse("sarif")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.parse(" SARIF ")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("xml")).isEmpty();
        assertThat(ReportFormat.parse("")).isEmpty();
        assertThat(ReportFormat.parse(null)).isEmpty();
    }

    @Test
    void idsAreTheLowerCaseNames() {
        assertThat(ReportFormat.values()).extracting(ReportFormat::id).containsExactly("text", "json", "sarif");
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportFormat.parse(format.id())).contains(format);
        }
    }

    @Test
    void eachFormatHasItsReporterAndOnlyTextUsesColour() {
        assertThat(ReportFormat.TEXT.reporter(true)).isInstanceOf(TextReporter.class);
        assertThat(ReportFormat.JSON.reporter(false)).isInstanceOf(JsonReporter.class);
        assertThat(ReportFormat.SARIF.reporter(false)).isInstanceOf(SarifReporter.class);
        Report report = SampleReports.full();
        assertThat(SampleReports.render(ReportFormat.TEXT.reporter(true), report))
                .isNotEqualTo(SampleReports.render(ReportFormat.TEXT.reporter(false), report));
        for (ReportFormat format : new ReportFormat[] {ReportFormat.JSON, ReportFormat.SARIF}) {
            assertThat(SampleReports.render(format.reporter(true), report))
                    .isEqualTo(SampleReports.render(format.reporter(false), report));
        }
    }
}

package dev.veritensor.core.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.veritensor.core.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

class ReportDeterminismTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void theSameReportGivesTheSameBytes(ReportFormat format) {
        for (boolean colour : new boolean[] {false, true}) {
            String first = render(format.reporter(colour), SampleReports.many(400, 3));
            // A report built anew from the same input, written by a new reporter, twice.
            Reporter reporter = format.reporter(colour);
            assertThat(render(reporter, SampleReports.many(400, 3))).isEqualTo(first);
            assertThat(render(reporter, SampleReports.many(400, 3))).isEqualTo(first);
            assertThat(first).doesNotContain("\r");
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void differentReportsGiveDifferentBytes(ReportFormat format) {
        assertThat(render(format.reporter(false), SampleReports.many(400, 3)))
                .isNotEqualTo(render(format.reporter(false), SampleReports.many(400, 4)));
    }
}

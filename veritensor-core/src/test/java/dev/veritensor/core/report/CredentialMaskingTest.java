package dev.veritensor.core.report;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Suppression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static dev.veritensor.core.report.SampleReports.SECRET;
import static dev.veritensor.core.report.SampleReports.SECRET_URL;
import static dev.veritensor.core.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

/** No format repeats a credential, whichever text it sits in. */
class CredentialMaskingTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void noFormatPrintsTheCredential(ReportFormat format) {
        for (boolean colour : new boolean[] {false, true}) {
            String text = render(format.reporter(colour), everywhere());
            assertThat(text).doesNotContain(SECRET).contains("https://***@host/simple");
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void theSampleReportsCredentialsAreMaskedToo(ReportFormat format) {
        assertThat(render(format.reporter(false), SampleReports.full())).doesNotContain(SECRET);
    }

    /** A credential in every string a reporter may echo, even where the engine never puts one. */
    private static Report everywhere() {
        RuleInfo rule = RuleInfo.builder("pip/index-credentials")
                .title("Credential in " + SECRET_URL)
                .severity(Severity.HIGH)
                .description("Seen as " + SECRET_URL)
                .remediation("Remove it from " + SECRET_URL)
                .tags("CWE-798", "seen-at " + SECRET_URL)
                .helpUri(SECRET_URL)
                .build();
        String path = "https://user:" + SECRET + "@host/simple/requirements.txt";
        Location location = Location.ofLine(path, 2, 1, 40);
        Finding finding = new Finding(rule.id(), Severity.HIGH, "Index " + SECRET_URL + " carries a password", location,
                List.of(Fix.replace("Drop the credentials from " + SECRET_URL, location, "--index-url " + SECRET_URL)),
                "00ff");
        Finding suppressed = new Finding(rule.id(), Severity.HIGH, "Again " + SECRET_URL, Location.ofLine(path, 5, 1, 40),
                List.of(), "00fe");
        return SampleReports.report(List.of(finding), Set.of(),
                List.of(new Suppression(suppressed, "known " + SECRET_URL, Location.ofLine(path, 4, 1, 40))),
                List.of(Diagnostic.warning("odd-url", location, "odd " + SECRET_URL)),
                List.of(rule), Severity.HIGH, new ScanResult.Stats(1, 1));
    }
}

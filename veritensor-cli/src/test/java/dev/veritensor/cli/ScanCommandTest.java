package dev.veritensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command line as a user would and checks exit codes and outputs. */
class ScanCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        CommandLine cl = VeritensorCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path project(String requirements) throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), requirements);
        return dir;
    }

    @Test
    void pinnedAndHashedRequirementsPass() throws IOException {
        project("requests==2.32.3 \\\n    --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6\n");
        Run r = run("scan", dir.toString(), "--no-color");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS");
    }

    @Test
    void anExtraIndexFailsTheBuildOnItsLine() throws IOException {
        project("--extra-index-url https://pypi.corp.example/simple\nrequests==2.32.3\n");
        Run r = run("scan", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("requirements.txt:1:").contains("pip/extra-index-url").contains("FAIL");
    }

    @Test
    void failOnRaisesTheThreshold() throws IOException {
        project("--extra-index-url https://pypi.corp.example/simple\nrequests==2.32.3\n");
        assertThat(run("scan", dir.toString(), "--fail-on", "critical").code()).isZero();
    }

    @Test
    void usageAndConfigurationErrorsExitWithTwo() throws IOException {
        project("requests\n");
        assertThat(run("scan", dir.toString(), "--format", "xml").code()).isEqualTo(2);
        assertThat(run("scan", dir.toString(), "--fail-on", "severe").code()).isEqualTo(2);
        assertThat(run("scan", dir.resolve("missing").toString()).code()).isEqualTo(2);
        assertThat(run("scan", "--bogus").code()).isEqualTo(2);
        Files.writeString(dir.resolve("veritensor.toml"), "fial-on = \"high\"\n");
        Run bad = run("scan", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("veritensor.toml:1:1: fial-on is not a known key");
        assertThat(run("scan", dir.toString(), "--baseline", dir.resolve("nope.json").toString()).code()).isEqualTo(2);
    }

    @Test
    void threadCountDoesNotChangeTheOutput() throws IOException {
        for (int i = 0; i < 40; i++) {
            Files.writeString(dir.resolve("requirements-" + i + ".txt"),
                    "numpy>=1." + i + "\n--extra-index-url https://x" + i + ".example/simple\ntorch\n");
        }
        for (String format : new String[] {"text", "json", "sarif"}) {
            Run one = run("scan", dir.toString(), "--threads", "1", "--format", format, "--no-color");
            Run eight = run("scan", dir.toString(), "--threads", "8", "--format", format, "--no-color");
            assertThat(eight.out()).isEqualTo(one.out());
            assertThat(one.code()).isEqualTo(1);
        }
    }

    @Test
    void baselineMakesOnlyNewFindingsFail() throws IOException {
        project("--extra-index-url https://pypi.corp.example/simple\nrequests==2.32.3\n");
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("scan", dir.toString(), "--write-baseline", baseline.toString()).code()).isZero();
        assertThat(run("scan", dir.toString(), "--baseline", baseline.toString()).code()).isZero();
        Files.writeString(dir.resolve("requirements.txt"), "# new line above\n"
                + "--extra-index-url https://pypi.corp.example/simple\nrequests==2.32.3\n"
                + "--extra-index-url https://other.example/simple\n");
        Run r = run("scan", dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void credentialsNeverAppearInAnyReport() throws IOException {
        project("--index-url https://alice:s3cr3t-t0ken@pypi.corp.example/simple\n"
                + "--extra-index-url https://__token__:pypi-AgEIcHlwaS5vcmc@upload.example/simple\nrequests==2.32.3\n");
        for (String format : new String[] {"text", "json", "sarif"}) {
            Run r = run("scan", dir.toString(), "--format", format);
            assertThat(r.out()).contains("***").doesNotContain("s3cr3t-t0ken").doesNotContain("pypi-AgEIcHlwaS5vcmc");
            assertThat(r.err()).doesNotContain("s3cr3t-t0ken");
        }
    }

    @Test
    void jsonReportCarriesVerdictAndFindings() throws IOException {
        project("--extra-index-url https://pypi.corp.example/simple\nrequests\n");
        Path out = dir.resolve("report.json");
        Run r = run("scan", dir.toString(), "--format", "json", "--output", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("verdict FAIL").contains(out.toString());
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("verdict").asText()).isEqualTo("fail");
        assertThat(json.path("findings")).isNotEmpty();
    }

    @Test
    void filesAsPathsAreScannedFromTheFolderThatHoldsThem() throws IOException {
        for (String svc : new String[] {"svc", "api", "ignored"}) {
            Files.createDirectories(dir.resolve(svc));
            Files.writeString(dir.resolve(svc).resolve("requirements.txt"), "--extra-index-url https://x.example/simple\n");
        }
        Run r = run("scan", dir.resolve("svc/requirements.txt").toString(), dir.resolve("api").toString(), "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("svc/requirements.txt:1:").contains("api/requirements.txt:1:").doesNotContain("ignored");
    }

    @Test
    void aSingleFileIsJudgedWithinItsRepository() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("requirements"));
        Files.writeString(dir.resolve("requirements/cuda.txt"), "--extra-index-url https://x.example/simple\n");
        Run r = run("scan", dir.resolve("requirements/cuda.txt").toString(), "--no-color");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("requirements/cuda.txt:1:").contains("pip/extra-index-url");
    }

    @Test
    void aNamedFileThatNoParserReadsIsReportedNotSilentlyPassed() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("notes.md"), "pip install reqeusts\n");
        Run r = run("scan", dir.resolve("notes.md").toString(), "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"not-recognised\"").contains("notes.md");
    }

    @Test
    void relativePathsAreResolvedAgainstTheWorkingDirectory() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path sub = Files.createTempDirectory(cwd.resolve("target"), "rel");
        Files.writeString(sub.resolve("requirements.txt"), "--extra-index-url https://x.example/simple\n");
        Files.writeString(sub.resolve("requirements-dev.txt"), "pytest==8.3.3\n");
        Run r = run("scan", cwd.relativize(sub.resolve("requirements.txt")).toString(),
                cwd.relativize(sub.resolve("requirements-dev.txt")).toString(), "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("requirements.txt:1:");
    }

    @Test
    void rulesListsEveryRuleAndMarkdownHasAnchors() {
        Run text = run("rules");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("pip/extra-index-url").contains("HIGH");
        Run md = run("rules", "--format", "markdown");
        assertThat(md.out()).contains("| [`pip/extra-index-url`](#pip-extra-index-url) |").contains("### pip-extra-index-url");
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        assertThat(run("--help").out()).contains("scan").contains("rules");
        assertThat(run("scan", "--help").out()).contains("--fail-on").contains("--write-baseline").contains("Exit codes");
        assertThat(run("rules", "--help").out()).contains("--format");
        assertThat(run("--version").out()).startsWith("Veritensor ");
    }
}

package dev.veritensor.rules.ci;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed CI files through a whole scan: each becomes a diagnostic on its file and
 * the scan goes on, finding what the other files hold. Legitimate anchors and aliases are read
 * once per use.
 */
class HostileInputTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new CiRulePack());
    private static final String WORKFLOWS = ".github/workflows/";

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    /** A workflow with one finding, so every scan shows the others were still analysed. */
    private void canary() throws IOException {
        write(WORKFLOWS + "canary.yml", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: curl -s https://x.io/i.sh | sh\n");
    }

    private ScanResult scan() {
        ScanResult r = TESTER.scan(dir);
        assertThat(r.findings()).extracting(Finding::ruleId).contains("ci/pipe-to-shell");
        return r;
    }

    private static Diagnostic diagnostic(ScanResult r, String path) {
        return r.diagnostics().stream().filter(d -> d.location().path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic on " + path + ": " + r.diagnostics()));
    }

    @Test
    void aliasBombIsStoppedByTheAliasLimit() throws IOException {
        canary();
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 30; i++) {
            String prev = "*a" + (i - 1);
            y.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        y.append("on: push\njobs:\n  bomb:\n    runs-on: ubuntu-latest\n    env:\n      X: *a29\n");
        write(WORKFLOWS + "bomb.yml", y.toString());
        Diagnostic d = diagnostic(scan(), WORKFLOWS + "bomb.yml");
        assertThat(d.code()).isEqualTo("parse-error");
        assertThat(d.message()).contains("aliases");
    }

    @Test
    void tenThousandLevelsOfNestingAreRefused() throws IOException {
        canary();
        String deep = "on: push\njobs: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        write(WORKFLOWS + "deep.yml", deep);
        write(".gitlab-ci.yml", "job:\n  script:\n    " + "- ".repeat(10_000) + "echo deep\n");
        ScanResult r = scan();
        assertThat(diagnostic(r, WORKFLOWS + "deep.yml").message()).contains("nest");
        assertThat(diagnostic(r, ".gitlab-ci.yml").message()).contains("nest");
    }

    @Test
    void fiftyMegabyteFilesAreNotRead() throws IOException {
        canary();
        Path big = dir.resolve(WORKFLOWS + "huge.yml");
        Files.createDirectories(big.getParent());
        byte[] line = "      - run: echo \"${{ github.event.issue.title }}\"\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L << 20; written += line.length) {
                out.write(line);
            }
        }
        write("Dockerfile", "FROM alpine\nRUN echo " + "x".repeat(50 << 20) + "\n");
        ScanResult r = scan();
        assertThat(diagnostic(r, WORKFLOWS + "huge.yml").code()).isEqualTo("file-too-large");
        assertThat(diagnostic(r, "Dockerfile").code()).isEqualTo("file-too-large");
    }

    @Test
    void tabsDuplicateKeysAndEncodings() throws IOException {
        canary();
        write(WORKFLOWS + "tabs.yml", "on: push\njobs:\n\tbuild:\n\t\truns-on: ubuntu-latest\n");
        write(WORKFLOWS + "dup.yml", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: echo first\n  a:\n    runs-on: ubuntu-latest\n");
        write(WORKFLOWS + "latin1.yml", "on: push\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("Containerfile", new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2, (byte) 0xff});
        write(".gitlab-ci.yml", "job:\n  script: [\"unterminated\n");
        ScanResult r = scan();
        assertThat(diagnostic(r, WORKFLOWS + "tabs.yml").code()).isEqualTo("parse-error");
        Diagnostic dup = diagnostic(r, WORKFLOWS + "dup.yml");
        assertThat(dup.code()).isEqualTo("duplicate-key");
        assertThat(dup.location().startLine()).isEqualTo(8);
        assertThat(diagnostic(r, WORKFLOWS + "latin1.yml").code()).isIn("parse-error", "not-text");
        assertThat(diagnostic(r, "Containerfile").code()).isIn("parse-error", "not-text");
        assertThat(diagnostic(r, ".gitlab-ci.yml").code()).isEqualTo("parse-error");
    }

    @Test
    void structurallyOddButValidFilesAreReadWithoutComplaint() throws IOException {
        canary();
        write(WORKFLOWS + "odd.yml", "on: 42\njobs: [1, 2]\npermissions: [x]\nenv: text\n");
        write(WORKFLOWS + "odd2.yml", "on: {push: [a]}\njobs:\n  a: 7\n  b:\n    steps: {x: 1}\n    runs-on: {labels: 3}\n"
                + "    env: [1]\n    container: {image: [x]}\n    services: [a]\n    strategy: {matrix: 1}\n");
        write(".gitlab-ci.yml", "include: {local: [x]}\nvariables: [x]\nimage: {name: [1]}\njob:\n  script: {a: b}\n  services: x\n");
        write("tools/action.yml", "runs: 5\n");
        write("Dockerfile", "\\\n\\\nFROM\nFROM AS\nRUN\nADD\nENV\nARG =\nCOPY --from= x\nRUN <<EOF\n");
        ScanResult r = scan();
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void anchorsAndAliasesAreAnalysedAtEveryUseWithoutRepeatingFindings() throws IOException {
        write(WORKFLOWS + "anchors.yml", """
                on: push
                permissions: {}
                x-setup: &setup
                  - run: curl -s https://x.io/i.sh | sh
                  - uses: actions/checkout@v4
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps: *setup
                  b:
                    runs-on: ubuntu-latest
                    env:
                      STAGE: b
                    steps: *setup
                """);
        ScanResult r = TESTER.scan(dir);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.findings()).extracting(f -> f.ruleId() + "@" + f.location().startLine())
                .containsExactly("ci/pipe-to-shell@4", "gha/unpinned-action@5");
    }
}

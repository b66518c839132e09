package dev.veritensor.core.engine;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ConfigException;
import dev.veritensor.core.config.ConfigLoader;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.core.policy.Baseline;
import dev.veritensor.core.policy.Policy;
import dev.veritensor.core.policy.PolicyResult;
import dev.veritensor.core.policy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannerTest {

    @TempDir
    Path root;

    private static Scanner scanner(ScanConfig config, int threads) throws ConfigException {
        return Scanner.builder().addPack(new LinesPack()).config(config).threads(threads).build();
    }

    private static Scanner scanner() throws ConfigException {
        return scanner(ScanConfig.defaults(), 2);
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> summary(ScanResult r) {
        return r.findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    private static List<String> codes(ScanResult r) {
        return r.diagnostics().stream().map(d -> d.location().path() + ":" + d.location().startLine() + " " + d.code())
                .toList();
    }

    @Test
    void findsOnExactLinesAndSortsByPathLineRule() throws Exception {
        write("b.lines", "ok\nbad meh\n");
        write("a/z.lines", "  bad  \n");
        ScanResult r = scanner().scan(root);
        assertThat(summary(r)).containsExactly("a/z.lines:1:3 lines/bad-word", "b.lines:2:1 lines/bad-word",
                "b.lines:2:1 lines/meh");
        Finding f = r.findings().get(0);
        assertThat(f.location().endColumn()).isEqualTo(6);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.fixes()).hasSize(1);
        assertThat(r.stats().sources()).isEqualTo(2);
        assertThat(r.rules()).extracting(x -> x.id()).containsExactly("lines/bad-word", "lines/meh");
    }

    @Test
    void memoryAndDiskScansAgree() throws Exception {
        write("req.lines", "bad\ninclude sub/other.lines\n");
        write("sub/other.lines", "meh\n");
        ScanResult disk = scanner().scan(root);
        ScanResult memory = scanner().scan(List.of(Source.of("req.lines", "bad\ninclude sub/other.lines\n"),
                Source.of("sub/other.lines", "meh\n")));
        assertThat(memory).isEqualTo(disk);
    }

    @Test
    void resultIsIdenticalWhateverTheThreadCount() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int l = 0; l < 20; l++) {
                sb.append(random.nextInt(4) == 0 ? "bad" : random.nextInt(3) == 0 ? "meh" : "fine").append('\n');
            }
            if (i > 0 && random.nextBoolean()) {
                sb.append("include f").append(random.nextInt(i)).append(".lines\n");
            }
            write("d" + (i % 7) + "/f" + i + ".lines", sb.toString());
        }
        ScanResult one = scanner(ScanConfig.defaults(), 1).scan(root);
        ScanResult eight = scanner(ScanConfig.defaults(), 8).scan(root);
        assertThat(one.findings()).isNotEmpty();
        assertThat(eight).isEqualTo(one);
    }

    @Test
    void includeCyclesEndAndIncludedFilesAreScannedOnce() throws Exception {
        write("a.lines", "include sub/b.txt\nbad\n");
        write("sub/b.txt", "include ../a.lines\ninclude b.txt\nbad\n");
        ScanResult r = scanner().scan(root);
        assertThat(summary(r)).containsExactly("a.lines:2:1 lines/bad-word", "sub/b.txt:3:1 lines/bad-word");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void includesOutsideTheRootAreRefusedWithADiagnostic() throws Exception {
        Path outside = Files.createTempFile("outside", ".lines");
        Files.writeString(outside, "bad\n");
        write("a.lines", "include ../../../../etc/passwd\ninclude " + outside + "\ninclude https://example.com/x\n"
                + "include missing.lines\n");
        ScanResult r = scanner().scan(root);
        assertThat(r.findings()).isEmpty();
        assertThat(codes(r)).containsExactly("a.lines:1 include-outside-root", "a.lines:2 include-outside-root",
                "a.lines:3 include-outside-root", "a.lines:4 include-not-found");
        Files.delete(outside);
    }

    @Test
    void symlinksOutOfTheRootAreNotFollowed() throws Exception {
        Path outsideDir = Files.createTempDirectory("outside");
        Path secret = outsideDir.resolve("secret.lines");
        Files.writeString(secret, "bad\n");
        Files.createSymbolicLink(root.resolve("link.lines"), secret);
        Files.createSymbolicLink(root.resolve("linkdir"), outsideDir);
        write("inside.lines", "bad\n");
        Files.createSymbolicLink(root.resolve("alias.lines"), root.resolve("inside.lines"));
        write("c.lines", "include linkdir/secret.lines\n");
        ScanResult r = scanner().scan(root);
        assertThat(summary(r)).containsExactly("alias.lines:1:1 lines/bad-word", "inside.lines:1:1 lines/bad-word");
        assertThat(codes(r)).containsExactly("c.lines:1 include-outside-root", "link.lines:1 symlink-outside-root",
                "linkdir:1 symlink-outside-root");
    }

    @Test
    void gitFoldersAndExcludedPathsAreSkipped() throws Exception {
        write(".git/x.lines", "bad\n");
        write("build/out/x.lines", "bad\n");
        write("deep/__pycache__/x.lines", "bad\n");
        write("keep/x.lines", "bad\n");
        ScanConfig cfg = ConfigLoader.parse("veritensor.toml", "exclude = [\"build/**\", \"__pycache__\"]\n", false);
        ScanResult r = scanner(cfg, 2).scan(root);
        assertThat(summary(r)).containsExactly("keep/x.lines:1:1 lines/bad-word");
    }

    @Test
    void badInputBecomesDiagnosticsAndTheScanGoesOn() throws Exception {
        Files.write(root.resolve("binary.lines"), new byte[] {'b', 'a', 'd', 0, 1, 2});
        Files.write(root.resolve("latin1.lines"), "b\u00e4d\n".getBytes(StandardCharsets.ISO_8859_1));
        write("syntax.lines", "ok\nsyntax-error\n");
        write("boom.lines", "boom\n");
        write("big.lines", "bad\n".repeat(10));
        write("fine.lines", "bad\n");
        ScanConfig cfg = ConfigLoader.parse("veritensor.toml", "[limits]\nmax-file-size = 20\n", false);
        ScanResult r = scanner(cfg, 2).scan(root);
        assertThat(summary(r)).containsExactly("fine.lines:1:1 lines/bad-word");
        assertThat(codes(r)).containsExactly("big.lines:1 file-too-large", "binary.lines:1 not-text",
                "boom.lines:1 rule-error", "latin1.lines:1 not-text", "syntax.lines:2 parse-error");
        assertThat(r.diagnostics()).allMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    @Test
    void suppressionOnTheLineOrTheLineAboveAndUnusedOnesAreReported() throws Exception {
        write("a.lines", "bad # veritensor: ignore[lines/bad-word] accepted risk\n"
                + "# veritensor: ignore[lines/bad-word, lines/meh]\n"
                + "bad meh\n"
                + "bad # veritensor: ignore[lines/meh]\n"
                + "# veritensor: ignore[lines/bad-word]\n"
                + "\n"
                + "bad\n");
        ScanResult r = scanner().scan(root);
        assertThat(summary(r)).containsExactly("a.lines:4:1 lines/bad-word", "a.lines:7:1 lines/bad-word");
        assertThat(r.suppressed()).hasSize(3);
        assertThat(r.suppressed().get(0).justification()).isEqualTo("accepted risk");
        assertThat(codes(r)).containsExactly("a.lines:4 unused-suppression", "a.lines:5 unused-suppression");
    }

    @Test
    void fingerprintsSurviveLinesAddedAboveAndDistinguishRepeats() throws Exception {
        write("a.lines", "bad\nok\nbad\n");
        List<String> before = scanner().scan(root).findings().stream().map(Finding::fingerprint).toList();
        write("a.lines", "new\nlines\nhere\nbad\nok\nbad\n");
        List<String> after = scanner().scan(root).findings().stream().map(Finding::fingerprint).toList();
        assertThat(before).hasSize(2).doesNotHaveDuplicates();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void credentialsAreMaskedInMessagesAndFixes() throws Exception {
        write("a.lines", "bad https://alice:s3cret@pypi.example/simple\n");
        ScanResult r = scanner().scan(root);
        assertThat(r.findings().get(0).message()).isEqualTo("line says bad https://***@pypi.example/simple")
                .doesNotContain("s3cret");
    }

    @Test
    void configurationDisablesOverridesAndSetsOptions() throws Exception {
        write("a.lines", "bad\nmeh\nworse\n");
        ScanConfig cfg = ConfigLoader.parse("veritensor.toml", """
                fail-on = "medium"
                [rules]
                disable = ["lines/meh"]
                [rules.severity]
                "lines/bad-word" = "critical"
                [rules.options."lines/bad-word"]
                word = "worse"
                """, false);
        ScanResult r = scanner(cfg, 1).scan(root);
        assertThat(summary(r)).containsExactly("a.lines:3:1 lines/bad-word");
        ScanConfig all = ConfigLoader.parse("veritensor.toml", "[rules]\ndisable = [\"lines/*\"]\n", false);
        assertThat(scanner(all, 1).scan(root).findings()).isEmpty();
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.rules()).singleElement().satisfies(i -> assertThat(i.defaultSeverity()).isEqualTo(Severity.CRITICAL));
        assertThat(cfg.failOn()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void configurationErrorsNameFileKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("veritensor.toml", "fail-on = \"high\"\nfial-on = 1\n", false))
                .hasMessage("veritensor.toml:2:1: fial-on is not a known key (expected one of exclude, fail-on, "
                        + "internal, limits, rules)");
        assertThatThrownBy(() -> ConfigLoader.parse("veritensor.toml", "fail-on = \"severe\"\n", false))
                .hasMessageContaining("veritensor.toml:1:").hasMessageContaining("fail-on has unknown severity 'severe'");
        assertThatThrownBy(() -> ConfigLoader.parse("pyproject.toml", "[tool.veritensor.rules]\nsevrity = {}\n", true))
                .hasMessageContaining("pyproject.toml:2:1: tool.veritensor.rules.sevrity is not a known key");
        assertThatThrownBy(() -> ConfigLoader.parse("veritensor.toml", "exclude = \"x\"\n", false))
                .hasMessageContaining("exclude must be an array of strings");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml", "[rules]\ndisable = [\"lines/nope\"]\n", false), 1))
                .isInstanceOf(ConfigException.class).hasMessage("v.toml:2:12: rules.disable names unknown rule 'lines/nope'");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml", "[rules]\ndisable = [\"gha/*\"]\n", false), 1))
                .hasMessage("v.toml:2:12: rules.disable names no rules with 'gha/*' (rule id prefixes: lines)");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml", "[rules.options.\"lines/bad-word\"]\nwrod = \"x\"\n",
                false), 1)).hasMessage("v.toml:2:1: rules.options.\"lines/bad-word\".wrod is not an option of "
                + "lines/bad-word (options: word)");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml", "[rules.options.\"lines/bad-word\"]\nword = 3\n",
                false), 1)).hasMessageStartingWith("v.toml:2:1: ").hasMessageContaining("word must be of type string");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml",
                "fail-on = \"low\"\n[rules.severity]\n\"lines/bad-wrod\" = \"low\"\n", false), 1))
                .hasMessage("v.toml:3:1: rules.severity names unknown rule 'lines/bad-wrod' (did you mean 'lines/bad-word'?)");
        assertThatThrownBy(() -> scanner(ConfigLoader.parse("v.toml", "[rules.options.\"pip/typosquat\"]\nallow = []\n",
                false), 1)).hasMessage("v.toml:1:16: rules.options names unknown rule 'pip/typosquat'");
    }

    @Test
    void pyprojectToolTableIsDiscovered() throws Exception {
        write("pyproject.toml", "[project]\nname = \"x\"\n[tool.veritensor]\nfail-on = \"low\"\n");
        assertThat(ConfigLoader.discover(root)).get().extracting(ScanConfig::failOn).isEqualTo(Severity.LOW);
        write("veritensor.toml", "fail-on = \"critical\"\n");
        assertThat(ConfigLoader.discover(root)).get().extracting(ScanConfig::failOn).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void policyFailsOnlyOnNewFindingsAtOrAboveTheThreshold() throws Exception {
        write("a.lines", "bad\nmeh\n");
        ScanResult r = scanner().scan(root);
        PolicyResult high = Policy.evaluate(r, Severity.HIGH, Baseline.empty());
        assertThat(high.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(Policy.evaluate(r, Severity.CRITICAL, Baseline.empty()).verdict()).isEqualTo(Verdict.PASS);
        Path baselineFile = root.resolve("baseline.json");
        Baseline.write(baselineFile, r.findings());
        Baseline baseline = Baseline.read(baselineFile);
        assertThat(baseline.size()).isEqualTo(2);
        PolicyResult withBaseline = Policy.evaluate(r, Severity.LOW, baseline);
        assertThat(withBaseline.verdict()).isEqualTo(Verdict.PASS);
        assertThat(withBaseline.baselined()).hasSize(2);
        write("a.lines", "bad\nmeh\nbad\n");
        PolicyResult grown = Policy.evaluate(scanner().scan(root), Severity.HIGH, baseline);
        assertThat(grown.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(grown.newFindings()).extracting(f -> f.location().startLine()).containsExactly(3);
    }

    @Test
    void malformedBaselineIsAnErrorNamingTheFile() throws Exception {
        Path f = root.resolve("b.json");
        Files.writeString(f, "{\"findings\": 3}");
        assertThatThrownBy(() -> Baseline.read(f)).isInstanceOf(IOException.class).hasMessageContaining("b.json");
    }

    @Test
    void duplicatePathsInMemoryAreRejected() {
        List<Source> sources = new ArrayList<>(List.of(Source.of("a.lines", "x"), Source.of("a.lines", "y")));
        assertThatThrownBy(() -> scanner().scan(sources)).isInstanceOf(IllegalArgumentException.class);
    }
}

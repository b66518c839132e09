package dev.veritensor.rules.pip;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.rules.pip.conf.PipConfParser;
import dev.veritensor.rules.pip.requirements.RequirementsDocument;
import dev.veritensor.rules.pip.requirements.RequirementsFileParser;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import dev.veritensor.rules.pip.testing.Mutations;
import dev.veritensor.rules.pip.testing.ParserHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seeded randomized and hostile-input tests of the pack's parsers: mutated fixtures, binary and
 * invalid UTF-8 content, a 1 MB line, 100,000 lines, include cycles and includes that point out of
 * the scan root. Nothing may escape but {@link DocumentParseException}; locations stay in the text.
 */
class ParserRobustnessTest {

    private static final byte[] NOISE = "\\#-=@;[](),'\" \t\r\n\u00a0${}:/.*~<>!rce".getBytes(StandardCharsets.UTF_8);

    private static List<byte[]> seeds(String folder) {
        return Mutations.seeds(ParserRobustnessTest.class, "PipParsersFuzzTestInputs/" + folder);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        return Mutations.mutate(seed, random, NOISE);
    }

    @Test
    void mutatedRequirementsFilesNeverBreakTheContract() {
        Random random = new Random(0x5EED_0001L);
        List<byte[]> seeds = seeds("requirements");
        RequirementsFileParser parser = new RequirementsFileParser();
        for (int i = 0; i < 4_000; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                ParserHarness.check(parser, "requirements.txt", input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input " + i + ": " + new String(input, StandardCharsets.UTF_8), e);
            }
        }
    }

    @Test
    void mutatedPipConfFilesNeverBreakTheContract() {
        Random random = new Random(0x5EED_0002L);
        List<byte[]> seeds = seeds("pipConf");
        PipConfParser parser = new PipConfParser();
        for (int i = 0; i < 4_000; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                ParserHarness.check(parser, "pip.conf", input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input " + i + ": " + new String(input, StandardCharsets.UTF_8), e);
            }
        }
    }

    @Test
    void randomBytesNeverBreakTheContract() {
        Random random = new Random(0x5EED_0003L);
        for (int i = 0; i < 2_000; i++) {
            byte[] input = new byte[random.nextInt(200)];
            for (int j = 0; j < input.length; j++) {
                input[j] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : NOISE[random.nextInt(NOISE.length)];
            }
            ParserHarness.check(new RequirementsFileParser(), "requirements.txt", input);
            ParserHarness.check(new PipConfParser(), "pip.conf", input);
        }
    }

    @Test
    void binaryAndInvalidUtf8AreParseErrors() {
        InMemoryParseContext context = new InMemoryParseContext();
        Source binary = context.add("requirements.txt", new byte[] {'a', 0, 1, 2, (byte) 0x89, 'P', 'N', 'G'});
        Source invalid = context.add("pip.conf", new byte[] {'[', 'g', ']', '\n', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> new RequirementsFileParser().parse(binary, context))
                .isInstanceOf(DocumentParseException.class);
        assertThatThrownBy(() -> new PipConfParser().parse(invalid, context))
                .isInstanceOf(DocumentParseException.class);
    }

    @Test
    void aOneMegabyteLineAndOneHundredThousandLinesAreRead() throws Exception {
        InMemoryParseContext context = new InMemoryParseContext();
        String longLine = "pkg" + "a".repeat(1 << 20) + "==1.0 --hash=sha256:" + "0".repeat(64) + "\n";
        RequirementsDocument one = (RequirementsDocument) new RequirementsFileParser()
                .parse(context.add("requirements.txt", longLine), context).get(0);
        assertThat(one.dependencies()).hasSize(1);
        assertThat(one.dependencies().get(0).hashes()).hasSize(1);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            many.append("package-").append(i).append(i % 2 == 0 ? ">=1.0" : "==1.0").append("  # line ").append(i)
                    .append('\n');
        }
        RequirementsDocument big = (RequirementsDocument) new RequirementsFileParser()
                .parse(context.add("big-requirements.txt", many.toString()), context).get(0);
        assertThat(big.dependencies()).hasSize(100_000);
        assertThat(big.dependencies().get(99_999).location().startLine()).isEqualTo(100_000);

        String continued = "pkg \\\n".repeat(100_000) + "==1\n";
        ParserHarness.check(new RequirementsFileParser(), "requirements.txt",
                ("--pre \\\n".repeat(100_000) + "--index-url https://x.example/simple\n").getBytes(StandardCharsets.UTF_8));
        ParserHarness.check(new RequirementsFileParser(), "requirements.txt",
                continued.getBytes(StandardCharsets.UTF_8));
        String conf = "[global]\nextra-index-url =\n" + "    https://x.example/simple\n".repeat(100_000);
        ParserHarness.check(new PipConfParser(), "pip.conf", conf.getBytes(StandardCharsets.UTF_8));
        assertThat(context.diagnostics()).isEmpty();
    }

    @Test
    void includesOutOfTheRootAndCyclesThroughTheEngine(@TempDir Path root) throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(root.resolve("secret.txt"), "leaked==1.0\n");
        Files.writeString(project.resolve("requirements.txt"), String.join("\n",
                "-r ../secret.txt",
                "-r ../../etc/passwd",
                "-c /etc/shadow",
                "-r https://example.com/requirements.txt",
                "-r dev-requirements.txt",
                "-c constraints.txt",
                "requests",
                ""));
        Files.writeString(project.resolve("dev-requirements.txt"), "-r requirements.txt\n-c constraints.txt\n");
        Files.writeString(project.resolve("constraints.txt"), "-c constraints.txt\n-r requirements.txt\nrequests==2.32.3\n");
        Scanner scanner = Scanner.builder().addPack(new PipRulePack()).threads(2).build();
        ScanResult result = scanner.scan(project);
        assertThat(result.diagnostics()).extracting(d -> d.code() + "@" + d.location())
                .containsExactly("include-outside-root@requirements.txt:1:4", "include-outside-root@requirements.txt:2:4",
                        "include-outside-root@requirements.txt:3:4", "include-outside-root@requirements.txt:4:4");
        assertThat(result.findings()).extracting(f -> f.ruleId() + "@" + f.location().path())
                .containsExactly("pip/missing-hash@requirements.txt");
        assertThat(result.findings()).noneMatch(f -> f.message().contains("leaked"));
    }

    @Test
    void inMemoryScanOfHostileBuffersGivesDiagnosticsNotFailures() throws Exception {
        Scanner scanner = Scanner.builder().addPack(new PipRulePack()).threads(1).build();
        ScanResult result = scanner.scan(List.of(
                Source.of("requirements.txt", new byte[] {0, 1, 2, 3}),
                Source.of("pip.conf", new byte[] {(byte) 0xFF, (byte) 0xFE, '[', ']'}),
                Source.of("dev-requirements.txt", "-r requirements.txt\n-r dev-requirements.txt\nsix\n")));
        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain("parser-error", "rule-error");
        assertThat(result.diagnostics()).extracting(d -> d.location().path())
                .contains("requirements.txt", "pip.conf");
    }
}

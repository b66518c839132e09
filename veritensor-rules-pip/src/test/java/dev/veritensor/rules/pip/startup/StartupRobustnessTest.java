package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyTokenizer;
import dev.veritensor.rules.pip.setuppy.InstallTimeCode;
import dev.veritensor.rules.pip.testing.Mutations;
import dev.veritensor.rules.pip.wheel.RawZip;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized and hostile-input tests of the tokenizer, the code reader and the setup.py,
 * {@code .pth}, RECORD and wheel parsers: mutated fuzz seeds, and inputs built to be deep, long or
 * many (a megabyte line, a hundred thousand calls in a chain, a long base-class chain, deeply
 * nested calls and f-strings, a wheel of thousands of entries). Each must keep the contract of
 * {@link StartupHarness}; quadratic work would show as a test that never ends.
 */
class StartupRobustnessTest {

    private static final byte[] NOISE = "\\#'\"\n\r\t ()[]{}:;,.=fbrtu0x\u000b\u0085importexecdefclass@!"
            .getBytes(StandardCharsets.UTF_8);

    private static List<byte[]> seeds(String folder) {
        return Mutations.seeds(StartupRobustnessTest.class, "StartupFuzzTestInputs/" + folder);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        return Mutations.mutate(seed, random, NOISE);
    }

    private static void mutated(String folder, long seed, int rounds, Consumer<byte[]> harness) {
        Random random = new Random(seed);
        List<byte[]> seeds = seeds(folder);
        for (int i = 0; i < rounds; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                harness.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(folder + " input " + i + ": " + new String(input, StandardCharsets.ISO_8859_1), e);
            }
        }
    }

    @Test
    void mutatedPythonCodeKeepsTheContract() {
        mutated("pythonCode", 0x5EED_0101L, 3_000, StartupHarness::pythonCode);
    }

    @Test
    void mutatedSetupScriptsKeepTheContract() {
        mutated("setupScript", 0x5EED_0102L, 1_500, StartupHarness::setupScript);
    }

    @Test
    void mutatedPthFilesKeepTheContract() {
        mutated("pth", 0x5EED_0103L, 3_000, StartupHarness::pth);
    }

    @Test
    void mutatedRecordsKeepTheContract() {
        mutated("record", 0x5EED_0104L, 3_000, StartupHarness::record);
    }

    @Test
    void mutatedWheelsKeepTheContract() {
        mutated("wheel", 0x5EED_0105L, 1_500, StartupHarness::wheel);
    }

    @Test
    void randomBytesKeepTheContract() {
        Random random = new Random(0x5EED_0106L);
        for (int i = 0; i < 2_000; i++) {
            byte[] input = new byte[random.nextInt(300)];
            for (int j = 0; j < input.length; j++) {
                input[j] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : NOISE[random.nextInt(NOISE.length)];
            }
            StartupHarness.pythonCode(input);
            StartupHarness.pth(input);
            StartupHarness.record(input);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void longLinesDeepNestingAndLongChainsStayLinear() {
        StartupHarness.pythonCode(utf8("x = '" + "a".repeat(1 << 20) + "'\n" + "(".repeat(200_000) + "\n"));
        StartupHarness.pythonCode(utf8("getattr(".repeat(20_000) + "os" + ", 'x')".repeat(20_000) + "\n"));
        StartupHarness.pythonCode(utf8("exec(".repeat(20_000) + "'x'" + ")".repeat(20_000) + "\n"));
        StartupHarness.pythonCode(utf8("f'{".repeat(5_000) + "x" + "}'".repeat(5_000) + "\n"));
        StartupHarness.pythonCode(utf8("exec('exec(\"exec(\\'import os\\')\")')\n".repeat(2_000)));
        StringBuilder calls = new StringBuilder("import os\nfrom setuptools.command.install import install\n");
        calls.append("def f0():\n    os.system('x')\n");
        for (int i = 1; i < 50_000; i++) {
            calls.append("def f").append(i).append("():\n    f").append(i - 1).append("()\n");
        }
        calls.append("class C0(install):\n    def run(self):\n        f49999()\n        self.go()\n");
        for (int i = 1; i < 20_000; i++) {
            calls.append("class C").append(i).append("(C").append(i - 1).append("):\n    def go(self):\n        self.go()\n");
        }
        calls.append("setup(cmdclass={").append("'install': C19999, ".repeat(1_000)).append("})\n");
        StartupHarness.pythonCode(utf8(calls.toString()));
        PyCode code = PyCodeReader.read(PyTokenizer.of("setup.py", calls.toString()));
        assertThat(InstallTimeCode.of(code)).anyMatch(r -> r.block().name().equals("f0")
                && r.context().trigger() == InstallTimeCode.Trigger.INSTALL_STEP);
    }

    @Test
    void aStatementBeyondTheTokenBoundIsCutAndSaidSo() {
        String huge = "x = [" + "1, ".repeat(60_000) + "]\n"
                + "import os; os.system('curl https://x.example')\n";
        PyCode code = PyCodeReader.read(PyTokenizer.of("setup.py", huge));
        assertThat(code.complete()).isFalse();
        assertThat(code.references()).anyMatch(r -> r.name().equals("os.system"));
    }

    @Test
    void manyPthLinesAndLongRecordsAndBigWheels() throws Exception {
        StartupHarness.pth(utf8("import os; exec('1')\n".repeat(100_000)));
        StartupHarness.pth(utf8("#" + "\u000bimport x".repeat(50_000) + "\n"));
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            record.append("pkg/m").append(i).append(".py,sha256=AAAA,").append(i).append('\n');
        }
        StartupHarness.record(utf8(record.toString()));
        RawZip zip = new RawZip();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            zip.stored("pkg/m" + i + ".py", new byte[0]);
            rows.append("pkg/m").append(i).append(".py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n");
        }
        zip.stored("pkg-1.0.dist-info/RECORD", utf8(rows + "pkg-1.0.dist-info/RECORD,,\n"));
        byte[] wheel = zip.bytes();
        StartupHarness.wheel(wheel);
        ScanResult result = Scanner.builder().addPack(new PipRulePack()).threads(1).build()
                .scan(List.of(Source.of("dist/pkg-1.0-py3-none-any.whl", wheel)));
        assertThat(result.findings()).isEmpty();
        assertThat(result.diagnostics()).isEmpty();
    }
}

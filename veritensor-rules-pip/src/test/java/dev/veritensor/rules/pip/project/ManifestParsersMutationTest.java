package dev.veritensor.rules.pip.project;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded randomized tests: every fuzz seed of every parser is mutated 200 times (bytes flipped,
 * deleted, duplicated, lines swapped, brackets and quotes inserted, cut short) with a fixed random
 * seed, and each mutant must satisfy {@link ParserInvariants}. Deterministic, so a failure
 * reproduces; the mutant that failed is named in the message.
 */
class ManifestParsersMutationTest {

    private static final Map<String, String> METHODS = Map.ofEntries(Map.entry("pyproject", "pyproject.toml"),
            Map.entry("uvToml", "uv.toml"), Map.entry("poetryToml", "poetry.toml"), Map.entry("pdmToml", "pdm.toml"),
            Map.entry("setupCfg", "setup.cfg"), Map.entry("pipfile", "Pipfile"),
            Map.entry("poetryLock", "poetry.lock"), Map.entry("uvLock", "uv.lock"), Map.entry("pdmLock", "pdm.lock"),
            Map.entry("pylock", "pylock.toml"), Map.entry("pipfileLock", "Pipfile.lock"));
    private static final byte[][] TOKENS = {"[".getBytes(), "]".getBytes(), "{".getBytes(), "}".getBytes(),
            "\"".getBytes(), "'".getBytes(), "\n".getBytes(), " = ".getBytes(), "[[package]]\n".getBytes(),
            "\\".getBytes(), "#".getBytes(), ",".getBytes(), "\"\"\"".getBytes(), ";".getBytes(), "@".getBytes()};

    @TestFactory
    Stream<DynamicTest> mutantsKeepTheGuarantees() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("ManifestParsersFuzzTestInputs").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> m : METHODS.entrySet()) {
            Path folder = root.resolve(m.getKey());
            List<Path> seeds;
            try (Stream<Path> files = Files.walk(folder)) {
                seeds = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path seed : seeds) {
                byte[] original = Files.readAllBytes(seed);
                String name = folder.relativize(seed).toString().replace(java.io.File.separatorChar, '/');
                tests.add(DynamicTest.dynamicTest(m.getKey() + "/" + name, () -> {
                    Random random = new Random(name.hashCode());
                    for (int i = 0; i < 200; i++) {
                        byte[] mutant = mutate(original, random);
                        try {
                            ParserInvariants.check(m.getValue(), mutant);
                        } catch (AssertionError | RuntimeException e) {
                            throw new AssertionError("mutant " + i + " of " + seed.getFileName() + ": "
                                    + new String(mutant, java.nio.charset.StandardCharsets.UTF_8), e);
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] out = input;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int n = out.length;
            int at = n == 0 ? 0 : random.nextInt(n);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (n > 0) {
                        out = out.clone();
                        out[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> {
                    int len = Math.min(n - at, 1 + random.nextInt(40));
                    out = concat(Arrays.copyOfRange(out, 0, at), Arrays.copyOfRange(out, at + len, n));
                }
                case 2 -> {
                    int len = Math.min(n - at, 1 + random.nextInt(200));
                    out = concat(Arrays.copyOfRange(out, 0, at + len), Arrays.copyOfRange(out, at, n));
                }
                case 3 -> out = concat(concat(Arrays.copyOfRange(out, 0, at), TOKENS[random.nextInt(TOKENS.length)]),
                        Arrays.copyOfRange(out, at, n));
                case 4 -> out = Arrays.copyOfRange(out, 0, at);
                default -> {
                    String[] lines = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1);
                    if (lines.length > 2) {
                        int a = random.nextInt(lines.length);
                        int b = random.nextInt(lines.length);
                        String t = lines[a];
                        lines[a] = lines[b];
                        lines[b] = t;
                        out = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

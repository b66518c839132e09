package dev.veritensor.core.format;

import dev.veritensor.core.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized tests: the fuzz seed documents, mutated a few edits at a time (deletions,
 * duplications, and insertions of syntax that matters to the three formats), must parse or fail
 * with a {@link dev.veritensor.api.DocumentParseException} only, with every location inside the
 * text. The seeds are fixed, so a failure reproduces.
 */
class MutatedDocumentTest {

    private static final int MUTANTS_PER_DOCUMENT = 500;
    private static final String[] INSERTIONS = {
        "\"", "'", "[", "]", "{", "}", ",", ":", "=", ".", "#", "\n", "\r\n", "\r", "\t", " ", "  ", "\\",
        "-", "- ", "&a ", "*a", "<<: *a\n", "|", ">-", "!", "!!int ", "\"\"\"", "'''", "\uD83D\uDE00", "\uD83D",
        "\u0000", "\uFEFF", "\u0085", "[[", "]]", "---\n", "...\n", "? ", "%YAML 1.2\n", "@", "0x", "1e", "true",
        "null", "~", "1979-05-27 07:32:00", "a.b.c = 1\n", "[x.y]\n", "\\u00e9", "\\ud800", "k: v\n", "{a: [b, {c: d}]}",
    };

    static Stream<Arguments> seeds() throws IOException, URISyntaxException {
        Path root = Path.of(MutatedDocumentTest.class.getResource("FormatFuzzTestInputs").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(file -> Arguments.of(file.getParent().getFileName().toString(), file.getFileName().toString()))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("seeds")
    void mutantsParseOrFailWithAPosition(String format, String file) throws IOException {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("FormatFuzzTestInputs/" + format + "/" + file)) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(seed).isNotBlank();
        CoreFormats formats = new CoreFormats(Limits.DEFAULTS, warning -> { });
        FormatFuzzTest.Parser parser = switch (format) {
            case "toml" -> text -> List.of(formats.toml(text));
            case "yaml" -> formats::yaml;
            default -> text -> List.of(formats.json(text));
        };
        Random random = new Random(file.hashCode());
        for (int i = 0; i < MUTANTS_PER_DOCUMENT; i++) {
            String mutant = mutate(seed, random);
            try {
                FormatFuzzTest.parse(mutant.getBytes(StandardCharsets.UTF_8), "mutant." + format, parser);
            } catch (AssertionError e) {
                throw new AssertionError("mutant " + i + ":\n" + mutant, e);
            }
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            int length = Math.min(text.length() - at, random.nextInt(12));
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, at + length);
                case 1 -> text.insert(random.nextInt(text.length() + 1), text.substring(at, at + length));
                default -> text.insert(at, INSERTIONS[random.nextInt(INSERTIONS.length)]);
            }
        }
        return text.toString();
    }
}

package dev.veritensor.core.format;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.core.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.veritensor.core.format.FormatTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile input: alias bombs, extreme nesting, binary content, oversize text. */
class HostileInputTest {

    private static final int DEEP = 10_000;
    private final CoreFormats formats = new CoreFormats(Limits.DEFAULTS, warning -> { });

    @Test
    void billionLaughsIsStoppedByTheExpansionLimit() {
        StringBuilder yaml = new StringBuilder("a: &a [" + String.join(",", Collections.nCopies(9, "lol")) + "]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String alias = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", Collections.nCopies(9, alias))).append("]\n");
        }

        assertThatThrownBy(() -> formats.yaml(SourceText.of("bomb.yml", yaml.toString())))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("aliases expand the document to more than "
                            + Limits.DEFAULTS.maxTextFileSize() + " nodes");
                    assertThat(e.location().startLine()).isBetween(2, 9);
                });
    }

    @Test
    void aliasesOfCollectionsAreCounted() throws DocumentParseException {
        String scalarAliases = "s: &s x\nt: [" + String.join(", ", Collections.nCopies(1_000, "*s")) + "]\n";
        String collectionAliases = "a: &a [x]\nb: [" + String.join(", ", Collections.nCopies(101, "*a")) + "]\n";

        assertThat(formats.yaml(SourceText.of("s.yml", scalarAliases))).hasSize(1);
        assertThatThrownBy(() -> formats.yaml(SourceText.of("a.yml", collectionAliases)))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("more than 100 aliases of collections");
                    assertThat(where(e.location())).isEqualTo("2:405-2:407");
                });
    }

    @Test
    void aliasesCannotNestBeyondTheDepthLimit() throws DocumentParseException {
        CoreFormats shallow = new CoreFormats(FormatTestSupport.limitsWithDepth(5), warning -> { });

        assertThat(shallow.yaml(SourceText.of("t.yml", "a: &a [[[1]]]\nb: [*a]\n"))).hasSize(1);
        assertThatThrownBy(() -> shallow.yaml(SourceText.of("t.yml", "a: &a [[[1]]]\nb: [[*a]]\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(where(e.location())).isEqualTo("2:6-2:8"));
    }

    static Stream<Arguments> deeplyNested() {
        return Stream.of(
                Arguments.of("yaml", "[".repeat(DEEP) + "]".repeat(DEEP)),
                Arguments.of("yaml", "{a: ".repeat(DEEP) + "b" + "}".repeat(DEEP)),
                Arguments.of("yaml", "- ".repeat(DEEP) + "x"),
                Arguments.of("json", "[".repeat(DEEP) + "]".repeat(DEEP)),
                Arguments.of("json", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)),
                Arguments.of("toml", "a = " + "[".repeat(DEEP) + "]".repeat(DEEP)),
                Arguments.of("toml", "a = " + "{b = ".repeat(DEEP) + "1" + "}".repeat(DEEP)),
                Arguments.of("toml", String.join(".", Collections.nCopies(DEEP, "k")) + " = 1"),
                Arguments.of("toml", "[" + String.join(".", Collections.nCopies(DEEP, "k")) + "]"));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("deeplyNested")
    void deepNestingIsAnErrorOnItsLine(String format, String text) {
        assertThatThrownBy(() -> parse(formats, format, SourceText.of("deep." + format, text)))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).containsIgnoringCase("nesting");
                    assertThat(e.location().startLine()).isEqualTo(1);
                });
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("deeplyNested")
    void deepNestingNeverOverflowsTheStackWhateverTheLimit(String format, String text) {
        CoreFormats unbounded = new CoreFormats(FormatTestSupport.limitsWithDepth(Integer.MAX_VALUE), warning -> { });
        try {
            List<Node> documents = parse(unbounded, format, SourceText.of("deep." + format, text));
            assertThat(documents).hasSize(1);
        } catch (DocumentParseException e) {
            // TOML's parser recurses: its stack overflow comes out as a parse error
            assertThat(format).isEqualTo("toml");
        }
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws DocumentParseException {
        int depth = Limits.DEFAULTS.maxNestingDepth();

        assertThat(formats.yaml(SourceText.of("d.yml", "[".repeat(depth) + "]".repeat(depth)))).hasSize(1);
        assertThat(formats.json(SourceText.of("d.json", "[".repeat(depth) + "]".repeat(depth)))).isNotNull();
        assertThat(formats.toml(SourceText.of("d.toml", "a = " + "[".repeat(depth - 1) + "]".repeat(depth - 1))))
                .isNotNull();
        assertThatThrownBy(() -> formats.json(SourceText.of("d.json", "[".repeat(depth + 1) + "]".repeat(depth + 1))))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("nesting deeper than " + depth + " levels");
                    assertThat(where(e.location())).isEqualTo("1:101-1:102");
                });
    }

    @Test
    void binaryGarbageIsAParseErrorOrAParse() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(garbage);
            FormatFuzzTest.parse(garbage, "garbage.toml", text -> List.of(formats.toml(text)));
            FormatFuzzTest.parse(garbage, "garbage.yaml", formats::yaml);
            FormatFuzzTest.parse(garbage, "garbage.json", text -> List.of(formats.json(text)));
        }
    }

    @Test
    void invalidUtf8StopsAtDecodingWithAPosition() {
        byte[] bytes = "a: \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> formats.yaml(SourceText.decode("latin1.yml", bytes)))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void yamlBeyondTheCodePointLimitIsAnError() {
        CoreFormats small = new CoreFormats(FormatTestSupport.limits(100, 100, 1_000), warning -> { });
        String yaml = "key: " + "x".repeat(2_000) + "\n";

        assertThatThrownBy(() -> small.yaml(SourceText.of("big.yml", yaml)))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("1000");
    }

    @Test
    void fiftyMegabytesOfYamlParse() throws DocumentParseException {
        String script = "    python -m pip install --require-hashes -r requirements/locked-%d.txt\n".repeat(16);
        StringBuilder yaml = new StringBuilder(52 << 20);
        int items = 0;
        while (yaml.length() < 50 << 20) {
            yaml.append("- name: step-").append(items).append("\n  run: |\n").append(script.replace("%d", "" + items));
            items++;
        }
        CoreFormats large = new CoreFormats(Limits.DEFAULTS.withMaxTextFileSize(64 << 20), warning -> { });

        List<Node> documents = large.yaml(SourceText.of("big.yml", yaml.toString()));

        ListNode steps = documents.get(0).asList().orElseThrow();
        assertThat(steps.items()).hasSize(items);
        Node last = steps.items().get(items - 1).asMap().orElseThrow().get("run").orElseThrow();
        assertThat(last.location().startLine()).isEqualTo(18 * (items - 1) + 2);
        assertThat(last.location().endLine()).isEqualTo(18 * items);
    }

    private static List<Node> parse(CoreFormats formats, String format, SourceText text) throws DocumentParseException {
        return switch (format) {
            case "yaml" -> formats.yaml(text);
            case "json" -> List.of(formats.json(text));
            default -> List.of(formats.toml(text));
        };
    }
}

package dev.veritensor.core.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.Node;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz tests of the three parsers: whatever the input, only a {@link DocumentParseException}
 * with a location inside the text may come out (and not one that wraps a runtime exception thrown
 * by the format package itself), and a parsed tree is located inside the text.
 *
 * <p>A normal build runs these in Jazzer's regression mode under plain surefire: each method
 * replays the seed files in {@code FormatFuzzTestInputs/<method>/} (test resources of this
 * package) and an empty input. Jazzer attaches its agent to the test JVM by itself (JDK 17 allows
 * it without flags) and loads its hooks from the jazzer jar; nothing is downloaded. To fuzz for
 * real, one method at a time, with the parsing libraries instrumented for coverage:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl veritensor-core test -Dtest='FormatFuzzTest#yaml' -Djazzer.max_duration=5m \
 *     '-Djazzer.instrumentation_includes=dev.veritensor.**:org.snakeyaml.**:org.tomlj.**:com.fasterxml.**'
 * </pre>
 * The generated corpus goes to {@code veritensor-core/.cifuzz-corpus} (ignored by git). Keep the
 * input of any finding in the seed directory so every build replays it.
 *
 * <p>Input bytes are decoded leniently (invalid UTF-8 becomes U+FFFD, NUL stays) so the parsers
 * also see text that {@link SourceText#decode} would have refused, as an in-memory caller may
 * pass it.
 */
class FormatFuzzTest {

    /** Small limits so fuzzing reaches them quickly. */
    private static final CoreFormats FORMATS = new CoreFormats(FormatTestSupport.limits(20, 10, 1 << 20),
            warning -> { });

    @FuzzTest(maxDuration = "5m")
    void toml(byte[] input) {
        parse(input, "fuzz.toml", text -> List.of(FORMATS.toml(text)));
    }

    @FuzzTest(maxDuration = "5m")
    void yaml(byte[] input) {
        parse(input, "fuzz.yaml", FORMATS::yaml);
    }

    @FuzzTest(maxDuration = "5m")
    void json(byte[] input) {
        parse(input, "fuzz.json", text -> List.of(FORMATS.json(text)));
    }

    /** One format's parser. */
    interface Parser {
        List<Node> parse(SourceText text) throws DocumentParseException;
    }

    /** Parses {@code input} and checks the outcome; shared with the mutation tests. */
    static void parse(byte[] input, String path, Parser parser) {
        SourceText text = SourceText.of(path, new String(input, StandardCharsets.UTF_8));
        List<Node> documents;
        try {
            documents = parser.parse(text);
        } catch (DocumentParseException e) {
            FormatTestSupport.assertWithin(text, e.location());
            assertNotOwnFault(e.getCause());
            return;
        }
        documents.forEach(document -> FormatTestSupport.assertWellLocated(text, document));
    }

    /**
     * A library failure that {@link CoreFormats} turned into a parse error is tolerated; a
     * runtime exception thrown by the format package itself is a bug and fails the test.
     */
    private static void assertNotOwnFault(Throwable cause) {
        if (cause instanceof RuntimeException || cause instanceof Error) {
            StackTraceElement[] trace = cause.getStackTrace();
            if (trace.length > 0 && trace[0].getClassName().startsWith(CoreFormats.class.getPackageName())) {
                throw new AssertionError("fault in the format package", cause);
            }
        }
    }
}

package dev.veritensor.core.format;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode.Style;
import dev.veritensor.api.tree.ScalarNode.Type;
import dev.veritensor.core.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.veritensor.core.format.FormatTestSupport.assertScalar;
import static dev.veritensor.core.format.FormatTestSupport.spelled;
import static dev.veritensor.core.format.FormatTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Golden tests of JSON parsing: values, types and exact locations. */
class JsonFormatTest {

    private static final String DOCUMENT = String.join("\n",
            "{\"name\": \"demo\", \"n\": -1.5e3,",
            " \"arr\": [true, null, 12],",
            " \"esc\": \"a\\\"b\uD83D\uDE00\", \"o\": {}}",
            "");

    private final List<Diagnostic> warnings = new ArrayList<>();
    private final CoreFormats formats = new CoreFormats(Limits.DEFAULTS, warnings::add);

    private MapNode parse(SourceText text) throws DocumentParseException {
        return formats.json(text).asMap().orElseThrow();
    }

    @Test
    void locatesKeysScalarsAndContainers() throws DocumentParseException {
        SourceText text = SourceText.of("package.json", DOCUMENT);
        MapNode root = parse(text);

        assertThat(where(root)).isEqualTo("1:1-3:27");
        assertThat(root.entries()).extracting(e -> e.name(), e -> where(e.key())).containsExactly(
                tuple("name", "1:2-1:8"), tuple("n", "1:18-1:21"), tuple("arr", "2:2-2:7"),
                tuple("esc", "3:2-3:7"), tuple("o", "3:19-3:22"));
        assertThat(root.entries()).allSatisfy(e -> assertThat(e.key().style()).isEqualTo(Style.DOUBLE_QUOTED));
        assertScalar(root.get("name").orElseThrow(), "demo", Type.STRING, Style.DOUBLE_QUOTED, "1:10-1:16");
        assertScalar(root.get("n").orElseThrow(), "-1.5e3", Type.FLOAT, Style.PLAIN, "1:23-1:29");
        assertScalar(root.get("esc").orElseThrow(), "a\"b\uD83D\uDE00", Type.STRING, Style.DOUBLE_QUOTED,
                "3:9-3:17");
        assertThat(spelled(text, root.get("o").orElseThrow())).isEqualTo("{}");
        assertThat(warnings).isEmpty();
    }

    @Test
    void arrayItemsKeepTheirTypes() throws DocumentParseException {
        ListNode arr = parse(SourceText.of("package.json", DOCUMENT)).list("arr").orElseThrow();

        assertThat(where(arr)).isEqualTo("2:9-2:25");
        assertScalar(arr.items().get(0), "true", Type.BOOLEAN, Style.PLAIN, "2:10-2:14");
        assertScalar(arr.items().get(1), "", Type.NULL, Style.PLAIN, "2:16-2:20");
        assertScalar(arr.items().get(2), "12", Type.INTEGER, Style.PLAIN, "2:22-2:24");
    }

    @Test
    void scalarRootIsAllowed() throws DocumentParseException {
        assertScalar(formats.json(SourceText.of("x.json", "  \"only\"\n")), "only", Type.STRING,
                Style.DOUBLE_QUOTED, "1:3-1:9");
    }

    @Test
    void duplicateKeysWarnAndKeepTheFirstValue() throws DocumentParseException {
        MapNode root = parse(SourceText.of("x.json", "{\"a\": 1,\n \"a\": [2]}"));

        assertThat(root.entries()).singleElement().satisfies(e -> assertThat(e.value().text()).contains("1"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("duplicate-key");
            assertThat(w.message()).contains("'a'", "line 2", "line 1");
            assertThat(where(w.location())).isEqualTo("2:2-2:5");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": [1, 2,]}          | 1:13-1:14",
        "{\"a\": 1} {}             | 1:10-1:11",
        "{\"a\": 1, // comment\\n} | 1:10-1:11",
        "[NaN]                     | 1:5-1:6",
        "\"unterminated            | 1:14-1:14",
        "''                        | 1:1-1:1",
        "[01]                      | 1:3-1:4",
    })
    void malformedJsonIsAnErrorAtItsPosition(String json, String where) {
        assertThatThrownBy(() -> formats.json(SourceText.of("x.json", json.replace("\\n", "\n"))))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).startsWith("invalid JSON: ");
                    assertThat(where(e.location())).isEqualTo(where);
                });
    }
}

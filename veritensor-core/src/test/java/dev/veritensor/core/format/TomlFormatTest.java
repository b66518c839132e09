package dev.veritensor.core.format;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.api.tree.ScalarNode.Style;
import dev.veritensor.api.tree.ScalarNode.Type;
import dev.veritensor.core.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.veritensor.core.format.FormatTestSupport.assertScalar;
import static dev.veritensor.core.format.FormatTestSupport.spelled;
import static dev.veritensor.core.format.FormatTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Golden tests of TOML parsing: values, types and exact locations. */
class TomlFormatTest {

    private static final String DOCUMENT = String.join("\n",
            "title = \"x\"  # comment",
            "n = 1_000",
            "multi = \"\"\"",
            "ab",
            "cd\"\"\"",
            "arr = [ 1,",
            "  [2, \"]\"],  # ] in a comment",
            "  {x = 1, 'q k' = 'v'} ]",
            "d = 1979-05-27 07:32:00Z",
            "\"\uD83D\uDE00\" = '\uD83D\uDE00'",
            "[tool.poetry]",
            "name = \"p\"",
            "a.b.c = 3",
            "[[bin]]",
            "x = 1",
            "[[bin]]",
            "x = 2",
            "");

    private final CoreFormats formats = new CoreFormats(Limits.DEFAULTS, d -> {
        throw new AssertionError("TOML reports no warnings: " + d);
    });

    private MapNode parse(SourceText text) throws DocumentParseException {
        return formats.toml(text).asMap().orElseThrow();
    }

    @Test
    void locatesKeysAndScalars() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        MapNode root = parse(text);

        assertThat(where(root)).isEqualTo("1:1-17:6");
        MapNode.Entry title = root.entry("title").orElseThrow();
        assertThat(where(title.key())).isEqualTo("1:1-1:6");
        assertThat(title.key().style()).isEqualTo(Style.PLAIN);
        assertScalar(title.value(), "x", Type.STRING, Style.DOUBLE_QUOTED, "1:9-1:12");
        assertScalar(root.get("n").orElseThrow(), "1_000", Type.INTEGER, Style.PLAIN, "2:5-2:10");
        assertScalar(root.get("d").orElseThrow(), "1979-05-27 07:32:00Z", Type.DATETIME, Style.PLAIN, "9:5-9:25");
    }

    @Test
    void multiLineStringSpansItsQuotes() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        ScalarNode multi = parse(text).scalar("multi").orElseThrow();

        assertScalar(multi, "ab\ncd", Type.STRING, Style.MULTILINE_STRING, "3:9-5:6");
        assertThat(spelled(text, multi)).isEqualTo("\"\"\"\nab\ncd\"\"\"");
    }

    @Test
    void arraysAndInlineTablesSpanTheirBrackets() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        ListNode arr = parse(text).list("arr").orElseThrow();

        assertThat(where(arr)).isEqualTo("6:7-8:25");
        assertScalar(arr.items().get(0), "1", Type.INTEGER, Style.PLAIN, "6:9-6:10");
        ListNode inner = arr.items().get(1).asList().orElseThrow();
        assertThat(spelled(text, inner)).isEqualTo("[2, \"]\"]");
        assertScalar(inner.items().get(1), "]", Type.STRING, Style.DOUBLE_QUOTED, "7:7-7:10");
        MapNode inline = arr.items().get(2).asMap().orElseThrow();
        assertThat(where(inline)).isEqualTo("8:3-8:23");
        MapNode.Entry quotedKey = inline.entry("q k").orElseThrow();
        assertThat(quotedKey.key().style()).isEqualTo(Style.SINGLE_QUOTED);
        assertThat(where(quotedKey.key())).isEqualTo("8:11-8:16");
        assertScalar(quotedKey.value(), "v", Type.STRING, Style.SINGLE_QUOTED, "8:19-8:22");
    }

    @Test
    void columnsCountUtf16CodeUnits() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        MapNode.Entry emoji = parse(text).entry("\uD83D\uDE00").orElseThrow();

        assertThat(where(emoji.key())).isEqualTo("10:1-10:5");
        assertThat(emoji.key().style()).isEqualTo(Style.DOUBLE_QUOTED);
        assertScalar(emoji.value(), "\uD83D\uDE00", Type.STRING, Style.SINGLE_QUOTED, "10:8-10:12");
    }

    @Test
    void tablesAreLocatedAtTheirHeadersAndKeysAtTheirSegments() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        MapNode root = parse(text);
        MapNode.Entry tool = root.entry("tool").orElseThrow();
        MapNode.Entry poetry = tool.value().asMap().orElseThrow().entry("poetry").orElseThrow();

        assertThat(where(tool.key())).isEqualTo("11:2-11:6");
        assertThat(where(tool.value())).isEqualTo("11:1-11:14");
        assertThat(where(poetry.key())).isEqualTo("11:7-11:13");
        assertThat(spelled(text, poetry.value())).isEqualTo("[tool.poetry]");
        assertScalar(root.path("tool", "poetry").orElseThrow().get("name").orElseThrow(), "p", Type.STRING,
                Style.DOUBLE_QUOTED, "12:8-12:11");
    }

    @Test
    void dottedKeysLocateEachSegment() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        MapNode poetry = parse(text).path("tool", "poetry").orElseThrow();
        MapNode.Entry a = poetry.entry("a").orElseThrow();
        MapNode.Entry b = a.value().asMap().orElseThrow().entry("b").orElseThrow();
        MapNode.Entry c = b.value().asMap().orElseThrow().entry("c").orElseThrow();

        assertThat(List.of(where(a.key()), where(b.key()), where(c.key())))
                .containsExactly("13:1-13:2", "13:3-13:4", "13:5-13:6");
        assertThat(where(a.value())).isEqualTo("13:1-13:2");
        assertScalar(c.value(), "3", Type.INTEGER, Style.PLAIN, "13:9-13:10");
    }

    @Test
    void dottedKeysExtendingATableAndHeadersBelowDottedTables() throws DocumentParseException {
        SourceText text = SourceText.of("t.toml", String.join("\n",
                "[fruit]",
                "apple.color = \"red\"",
                "apple . 'taste' . sweet = true",
                "[fruit.apple.texture]",
                "smooth = true"));
        MapNode apple = parse(text).path("fruit", "apple").orElseThrow();

        assertThat(apple.entries()).extracting(e -> e.name(), e -> where(e.key())).containsExactly(
                tuple("color", "2:7-2:12"), tuple("taste", "3:9-3:16"), tuple("texture", "4:14-4:21"));
        assertThat(where(apple.path("taste").orElseThrow().entries().get(0).key())).isEqualTo("3:19-3:24");
        assertThat(where(apple.get("texture").orElseThrow())).isEqualTo("4:1-4:22");
    }

    @Test
    void arraysOfTablesSpanTheirHeaders() throws DocumentParseException {
        SourceText text = SourceText.of("pyproject.toml", DOCUMENT);
        ListNode bin = parse(text).list("bin").orElseThrow();

        assertThat(where(bin)).isEqualTo("14:1-14:8");
        assertThat(bin.items()).extracting(FormatTestSupport::where).containsExactly("14:1-14:8", "16:1-16:8");
        assertScalar(bin.items().get(1).asMap().orElseThrow().get("x").orElseThrow(), "2", Type.INTEGER,
                Style.PLAIN, "17:5-17:6");
    }

    @Test
    void typesKeepTheirSourceSpelling() throws DocumentParseException {
        MapNode root = parse(SourceText.of("t.toml", String.join("\n",
                "hex = 0xDEAD_beef", "f = -3.14e+2", "inf = +inf", "yes = true", "day = 1979-05-27",
                "at = 07:32:00.999", "local = 1979-05-27T07:32:00", "lit = '''", "one", "two'''")));

        assertThat(root.entries()).extracting(e -> e.name(), e -> e.value().text().orElseThrow(),
                e -> e.value().asScalar().orElseThrow().type()).containsExactly(
                tuple("hex", "0xDEAD_beef", Type.INTEGER), tuple("f", "-3.14e+2", Type.FLOAT),
                tuple("inf", "+inf", Type.FLOAT), tuple("yes", "true", Type.BOOLEAN),
                tuple("day", "1979-05-27", Type.DATETIME), tuple("at", "07:32:00.999", Type.DATETIME),
                tuple("local", "1979-05-27T07:32:00", Type.DATETIME), tuple("lit", "one\ntwo", Type.STRING));
        assertThat(root.scalar("lit").orElseThrow().style()).isEqualTo(Style.MULTILINE_STRING);
        assertThat(root.scalar("yes").orElseThrow().isTrue()).isTrue();
    }

    @Test
    void crlfLineBreaksKeepColumns() throws DocumentParseException {
        MapNode root = parse(SourceText.of("t.toml", "a = 1\r\n[t]\r\nb = \"x\"\r\n"));

        assertThat(where(root.path("t").orElseThrow().get("b").orElseThrow())).isEqualTo("3:5-3:8");
        assertThat(where(root)).isEqualTo("1:1-3:8");
    }

    @Test
    void emptyDocumentIsAnEmptyMap() throws DocumentParseException {
        assertThat(parse(SourceText.of("t.toml", "# only a comment\n")).entries()).isEmpty();
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondKey() {
        assertThatThrownBy(() -> parse(SourceText.of("t.toml", "a = 1\nb = 2\na = 3\n")))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).contains("a previously defined at line 1");
                    assertThat(where(e.location())).isEqualTo("3:1-3:2");
                });
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        assertThatThrownBy(() -> parse(SourceText.of("t.toml", "ok = 1\nbad = \"unterminated\n")))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).startsWith("invalid TOML: ");
                    assertThat(e.location().startLine()).isEqualTo(2);
                });
    }

    @Test
    void parsesToml10NotToml11() {
        assertThatThrownBy(() -> parse(SourceText.of("t.toml", "t = {\n  a = 1 }\n")))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("before 1.1.0");
        assertThatThrownBy(() -> parse(SourceText.of("t.toml", "s = \"\\e\"\n")))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("before 1.1.0");
    }

    @Test
    void nestingDepthCountsTheRootTable() throws DocumentParseException {
        CoreFormats shallow = new CoreFormats(FormatTestSupport.limitsWithDepth(4), d -> { });

        assertThat(shallow.toml(SourceText.of("t.toml", "a = [[[1]]]"))).isNotNull();
        assertThat(shallow.toml(SourceText.of("t.toml", "[a.b.c]"))).isNotNull();
        assertThatThrownBy(() -> shallow.toml(SourceText.of("t.toml", "a = [[[[1]]]]")))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("nesting deeper than 4 levels");
                    assertThat(where(e.location())).isEqualTo("1:8-1:11");
                });
        assertThatThrownBy(() -> shallow.toml(SourceText.of("t.toml", "x = 1\n[a.b.c.d]")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(where(e.location())).isEqualTo("2:1-2:10"));
    }
}

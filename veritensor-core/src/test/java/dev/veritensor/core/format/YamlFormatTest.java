package dev.veritensor.core.format;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.api.tree.ScalarNode.Style;
import dev.veritensor.api.tree.ScalarNode.Type;
import dev.veritensor.core.Limits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.veritensor.core.format.FormatTestSupport.assertScalar;
import static dev.veritensor.core.format.FormatTestSupport.spelled;
import static dev.veritensor.core.format.FormatTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Golden tests of YAML parsing: styles, core schema types, anchors, merges and exact locations. */
class YamlFormatTest {

    private static final String DOCUMENT = String.join("\n",
            "plain: value",
            "single: 'it''s'",
            "double: \"a\\tb\"",
            "literal: |",
            "  echo one",
            "    echo two",
            "",
            "folded: >-",
            "  folded",
            "  text",
            "nested:",
            "  list:",
            "    - a",
            "    - {k: [1, 2]}",
            "# a comment after the block",
            "last: \uD83D\uDE00 x",
            "");

    private final List<Diagnostic> warnings = new ArrayList<>();
    private final CoreFormats formats = new CoreFormats(Limits.DEFAULTS, warnings::add);

    private MapNode parseMap(SourceText text) throws DocumentParseException {
        List<Node> documents = formats.yaml(text);
        assertThat(documents).hasSize(1);
        return documents.get(0).asMap().orElseThrow();
    }

    @Test
    void locatesKeysAndFlowScalars() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of("ci.yml", DOCUMENT));

        assertThat(where(root)).isEqualTo("1:1-16:11");
        assertThat(root.entries()).extracting(e -> e.name(), e -> where(e.key())).startsWith(
                tuple("plain", "1:1-1:6"), tuple("single", "2:1-2:7"), tuple("double", "3:1-3:7"));
        assertScalar(root.get("plain").orElseThrow(), "value", Type.STRING, Style.PLAIN, "1:8-1:13");
        assertScalar(root.get("single").orElseThrow(), "it's", Type.STRING, Style.SINGLE_QUOTED, "2:9-2:16");
        assertScalar(root.get("double").orElseThrow(), "a\tb", Type.STRING, Style.DOUBLE_QUOTED, "3:9-3:15");
        assertScalar(root.get("last").orElseThrow(), "\uD83D\uDE00 x", Type.STRING, Style.PLAIN, "16:7-16:11");
        assertThat(warnings).isEmpty();
    }

    @Test
    void literalBlockStartsOnItsIndicatorLine() throws DocumentParseException {
        SourceText text = SourceText.of("ci.yml", DOCUMENT);
        ScalarNode literal = parseMap(text).scalar("literal").orElseThrow();

        assertScalar(literal, "echo one\n  echo two\n", Type.STRING, Style.LITERAL, "4:10-6:13");
        String[] lines = literal.value().split("\n");
        for (int i = 0; i < lines.length; i++) {
            assertThat(text.line(literal.location().startLine() + 1 + i)).endsWith(lines[i]);
        }
    }

    @Test
    void foldedBlockEndsAfterItsLastCharacter() throws DocumentParseException {
        SourceText text = SourceText.of("ci.yml", DOCUMENT);
        ScalarNode folded = parseMap(text).scalar("folded").orElseThrow();

        assertScalar(folded, "folded text", Type.STRING, Style.FOLDED, "8:9-10:7");
        assertThat(spelled(text, folded)).isEqualTo(">-\n  folded\n  text");
    }

    @Test
    void blockCollectionsEndWithTheirLastItemAndFlowCollectionsWithTheirBracket() throws DocumentParseException {
        SourceText text = SourceText.of("ci.yml", DOCUMENT);
        MapNode nested = parseMap(text).map("nested").orElseThrow();
        ListNode list = nested.list("list").orElseThrow();
        MapNode flow = list.items().get(1).asMap().orElseThrow();

        assertThat(where(nested)).isEqualTo("12:3-14:18");
        assertThat(where(list)).isEqualTo("13:5-14:18");
        assertThat(spelled(text, flow)).isEqualTo("{k: [1, 2]}");
        assertThat(where(flow.list("k").orElseThrow())).isEqualTo("14:11-14:17");
        assertScalar(flow.list("k").orElseThrow().items().get(1), "2", Type.INTEGER, Style.PLAIN, "14:15-14:16");
    }

    @Test
    void plainScalarsAreTypedByTheCoreSchema() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of("t.yml", String.join("\n",
                "tilde: ~", "word: null", "empty:", "t: True", "yes: yes", "oct: 0o17", "hex: 0x1F", "neg: -12",
                "exp: 1e3", "inf: .inf", "quoted: \"true\"", "str: !!str 12", "int: !!int \"12\"", "date: 2001-12-14")));

        assertThat(root.entries()).extracting(e -> e.name(), e -> e.value().text().orElseThrow(),
                e -> e.value().asScalar().orElseThrow().type()).containsExactly(
                tuple("tilde", "", Type.NULL), tuple("word", "", Type.NULL), tuple("empty", "", Type.NULL),
                tuple("t", "True", Type.BOOLEAN), tuple("yes", "yes", Type.STRING),
                tuple("oct", "0o17", Type.INTEGER), tuple("hex", "0x1F", Type.INTEGER),
                tuple("neg", "-12", Type.INTEGER), tuple("exp", "1e3", Type.FLOAT), tuple("inf", ".inf", Type.FLOAT),
                tuple("quoted", "true", Type.STRING), tuple("str", "12", Type.STRING),
                tuple("int", "12", Type.INTEGER), tuple("date", "2001-12-14", Type.STRING));
        assertThat(root.scalar("t").orElseThrow().isTrue()).isTrue();
    }

    @Test
    void locationsSkipAnchorsAndTags() throws DocumentParseException {
        SourceText text = SourceText.of("t.yml", "run: &script !!str |\n  echo hi\nmap: &m\n  k: v\nseq: !t [a]\n");
        MapNode root = parseMap(text);

        assertThat(where(root.get("run").orElseThrow())).isEqualTo("1:20-2:10");
        assertThat(where(root.get("map").orElseThrow())).isEqualTo("4:3-4:7");
        assertThat(spelled(text, root.get("seq").orElseThrow())).isEqualTo("[a]");
    }

    @Test
    void aliasesResolveToTheAnchoredNodeItself() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of("t.yml", "a: &a [1, 2]\nb: [*a, *a]\ns: &s text\nt: *s\n"));
        Node anchored = root.get("a").orElseThrow();

        assertThat(root.list("b").orElseThrow().items()).allSatisfy(item -> assertThat(item).isSameAs(anchored));
        assertThat(root.get("t").orElseThrow()).isSameAs(root.get("s").orElseThrow());
        assertThat(where(root.list("b").orElseThrow())).isEqualTo("2:4-2:12");
    }

    @Test
    void mergeKeysAddEntriesTheMapDoesNotDefine() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of(".gitlab-ci.yml", String.join("\n",
                ".base: &base",
                "  image: python:3.12",
                "  script: [pytest]",
                ".extra: &extra",
                "  image: other",
                "  tags: [docker]",
                "job:",
                "  stage: test",
                "  <<: [*base, *extra]",
                "  script: [ruff]")));
        MapNode base = root.map(".base").orElseThrow();
        MapNode job = root.map("job").orElseThrow();

        assertThat(job.entries()).extracting(MapNode.Entry::name).containsExactly("stage", "image", "tags", "script");
        assertThat(job.get("image").orElseThrow()).isSameAs(base.get("image").orElseThrow());
        assertThat(job.list("script").orElseThrow().items().get(0).text()).contains("ruff");
        assertThat(where(job.entry("image").orElseThrow().key())).isEqualTo("2:3-2:8");
        assertThat(warnings).isEmpty();
    }

    @Test
    void mergeKeyNeedsMappings() {
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: &a 1\nb:\n  <<: *a\n")))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).contains("merge key");
                    assertThat(where(e.location())).isEqualTo("3:3-3:5");
                });
    }

    @Test
    void duplicateKeysWarnAndKeepTheFirstValue() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of("t.yml", "a: 1\nb: 2\na: 3\n"));

        assertThat(root.entries()).extracting(e -> e.name(), e -> e.value().text().orElseThrow())
                .containsExactly(tuple("a", "1"), tuple("b", "2"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("duplicate-key");
            assertThat(w.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(w.message()).contains("'a'", "line 3", "line 1");
            assertThat(where(w.location())).isEqualTo("3:1-3:2");
        });
    }

    @Test
    void aTextThatFailsToParseReportsNoWarnings() {
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: 1\na: 2\n---\nb: [\n")))
                .isInstanceOf(DocumentParseException.class);
        assertThat(warnings).isEmpty();
    }

    @Test
    void streamsGiveOneNodePerDocument() throws DocumentParseException {
        List<Node> documents = formats.yaml(SourceText.of("t.yml", "---\n---\na: 1\n...\n--- x\n"));

        assertThat(documents).extracting(n -> n.getClass().getSimpleName())
                .containsExactly("ScalarNode", "MapNode", "ScalarNode");
        assertThat(documents.get(0).asScalar().orElseThrow().type()).isEqualTo(Type.NULL);
        assertThat(where(documents.get(2))).isEqualTo("5:5-5:6");
        assertThat(formats.yaml(SourceText.of("t.yml", ""))).isEmpty();
        assertThat(formats.yaml(SourceText.of("t.yml", "# only a comment\n"))).isEmpty();
    }

    @Test
    void anchorsDoNotCrossDocuments() {
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: &a 1\n---\nb: *a\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(where(e.location())).isEqualTo("3:4-3:6"));
    }

    @Test
    void crlfLineBreaksKeepColumns() throws DocumentParseException {
        MapNode root = parseMap(SourceText.of("t.yml", "a:\r\n  b: |\r\n    x\r\n  c: 'y'\r\n"));

        assertThat(where(root.map("a").orElseThrow().get("b").orElseThrow())).isEqualTo("2:6-3:6");
        assertThat(where(root.map("a").orElseThrow().get("c").orElseThrow())).isEqualTo("4:6-4:9");
    }

    @Test
    void tabIndentationIsAnErrorAtTheTab() {
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a:\n\t- b\n")))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.getMessage()).startsWith("invalid YAML: ").contains("TAB");
                    assertThat(where(e.location())).isEqualTo("2:1-2:2");
                });
    }

    @Test
    void unsupportedOrBrokenStructuresAreErrorsWithPositions() {
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "? [a, b]\n: c\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.getMessage()).contains("key must be a scalar"));
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: *missing\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(where(e.location())).isEqualTo("1:4-1:12"));
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: &r [1, *r]\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.getMessage()).contains("recursive"));
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: b\n c: d: e\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.location().startLine()).isEqualTo(2));
        assertThatThrownBy(() -> formats.yaml(SourceText.of("t.yml", "a: \"\u0001\"\n")))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(where(e.location())).isEqualTo("1:5-1:6"));
    }
}

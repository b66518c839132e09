package dev.veritensor.rules.ci.yaml;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.core.Limits;
import dev.veritensor.core.format.CoreFormats;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarTextTest {

    private static final String PATH = "w.yml";

    /** The scalar under {@code run} of a one-key YAML document, aligned with its text. */
    static ScalarText run(String yaml) throws Exception {
        SourceText text = SourceText.of(PATH, yaml);
        MapNode root = (MapNode) new CoreFormats(Limits.DEFAULTS, d -> { }).yaml(text).get(0);
        return ScalarText.of(root.scalar("run").orElseThrow(), text);
    }

    /** The file's text at a one-line location. */
    private static String at(String yaml, Location l) {
        String line = SourceText.of(PATH, yaml).line(l.startLine());
        assertThat(l.endLine()).isEqualTo(l.startLine());
        return line.substring(l.startColumn() - 1, l.endColumn() - 1);
    }

    @Test
    void literalBlockLinesAreVerbatim() throws Exception {
        String yaml = "run: |\n  pip install -r requirements.txt\n\n    echo indented\n  curl x | sh\n";
        ScalarText st = run(yaml);
        List<Script.Line> lines = st.lines();
        assertThat(lines).extracting(Script.Line::text)
                .containsExactly("pip install -r requirements.txt", "", "  echo indented", "curl x | sh");
        assertThat(lines).allMatch(Script.Line::verbatim);
        assertThat(lines).extracting(l -> l.location().startLine()).containsExactly(2, 3, 4, 5);
        assertThat(lines.get(2).location().startColumn()).isEqualTo(3);
        assertThat(at(yaml, lines.get(3).location())).isEqualTo("curl x | sh");
    }

    @Test
    void foldedBlockJoinsLinesButKnowsWhereEachWordIs() throws Exception {
        String yaml = "run: >-\n  pip install torch\n  --index-url https://x\n\n  echo ${{ github.head_ref }}\n";
        ScalarText st = run(yaml);
        assertThat(st.value()).isEqualTo("pip install torch --index-url https://x\necho ${{ github.head_ref }}");
        List<Script.Line> lines = st.lines();
        assertThat(lines).extracting(Script.Line::text)
                .containsExactly("pip install torch \\", "--index-url https://x", "echo ${{ github.head_ref }}");
        assertThat(lines.get(0).verbatim()).isFalse();
        assertThat(lines.get(0).location()).isEqualTo(Location.ofLine(PATH, 2, 3, 20));
        assertThat(lines.get(1).verbatim()).isTrue();
        assertThat(lines.get(1).location()).isEqualTo(Location.ofLine(PATH, 3, 3, 24));
        assertThat(lines.get(2).verbatim()).isTrue();
        assertThat(lines.get(2).location().startLine()).isEqualTo(5);
        int i = st.value().indexOf("--index-url");
        assertThat(at(yaml, st.span(i, i + 11))).isEqualTo("--index-url");
        int e = st.value().indexOf("${{");
        assertThat(at(yaml, st.span(e, st.value().length()))).isEqualTo("${{ github.head_ref }}");
    }

    @Test
    void plainMultiLineScalars() throws Exception {
        String yaml = "run: echo one\n  two   three\n";
        ScalarText st = run(yaml);
        assertThat(st.value()).isEqualTo("echo one two   three");
        assertThat(st.lines()).extracting(Script.Line::text).containsExactly("echo one \\", "two   three");
        assertThat(st.lines().get(1).location()).isEqualTo(Location.ofLine(PATH, 2, 3, 14));
        int t = st.value().indexOf("three");
        assertThat(at(yaml, st.span(t, t + 5))).isEqualTo("three");
        assertThat(st.span(t, t + 5).startLine()).isEqualTo(2);
    }

    @Test
    void doubleQuotedEscapesAreDecoded() throws Exception {
        String yaml = "run: \"echo \\\"${{ github.event.issue.title }}\\\"\\tx\\u00e9 y\"\n";
        ScalarText st = run(yaml);
        assertThat(st.value()).isEqualTo("echo \"${{ github.event.issue.title }}\"\txé y");
        int e = st.value().indexOf("${{");
        int end = st.value().indexOf("}}") + 2;
        assertThat(at(yaml, st.span(e, end))).isEqualTo("${{ github.event.issue.title }}");
        int y = st.value().indexOf(" y") + 1;
        assertThat(at(yaml, st.span(y, y + 1))).isEqualTo("y");
        assertThat(st.lines().get(0).verbatim()).isFalse();
    }

    @Test
    void singleQuotedDoubledQuotes() throws Exception {
        String yaml = "run: 'echo ''a'' ${{ env.X }}'\n";
        ScalarText st = run(yaml);
        assertThat(st.value()).isEqualTo("echo 'a' ${{ env.X }}");
        int e = st.value().indexOf("${{");
        assertThat(at(yaml, st.span(e, st.value().length()))).isEqualTo("${{ env.X }}");
    }

    @Test
    void unknownPositionsFallBackToTheWholeScalar() throws Exception {
        String yaml = "run: \"a\\\n   b\"\n";
        ScalarText st = run(yaml);
        assertThat(st.value()).isEqualTo("ab");
        assertThat(st.span(-1, 1)).isEqualTo(st.location());
        assertThat(st.span(0, 99)).isEqualTo(st.location());
    }

    /**
     * Random scripts written as literal, folded, plain and quoted scalars: every marker word in
     * the value is located on the file text that spells it, and every verbatim line is the file's
     * text at its location.
     */
    @Test
    void randomScriptsMapBackIntoTheFile() throws Exception {
        Random r = new Random(0x5EED_0201L);
        String[] words = {"pip", "install", "MARK", "-r", "x.txt", "&&", "${{", "github.head_ref", "}}", "'q'", "\"d\"",
            "#c", "a:b", "$HOME"};
        for (int i = 0; i < 2_000; i++) {
            List<String> lines = new ArrayList<>();
            int n = 1 + r.nextInt(5);
            for (int k = 0; k < n; k++) {
                StringBuilder sb = new StringBuilder(r.nextInt(4) == 0 ? "  " : "");
                int m = r.nextInt(5);
                for (int w = 0; w < m; w++) {
                    sb.append(w > 0 ? " " : "").append(words[r.nextInt(words.length)]);
                }
                lines.add(sb.toString());
            }
            String indent = " ".repeat(2 + r.nextInt(3));
            int style = r.nextInt(4);
            StringBuilder yaml = new StringBuilder("run: ");
            switch (style) {
                case 0 -> {
                    yaml.append("|").append(indent.length()).append('\n');
                    lines.forEach(l -> yaml.append(l.isEmpty() ? "" : indent + l).append('\n'));
                }
                case 1 -> {
                    yaml.append(">").append(indent.length()).append('\n');
                    lines.forEach(l -> yaml.append(l.isEmpty() ? "" : indent + l).append('\n'));
                }
                case 2 -> {
                    yaml.append('"');
                    for (int k = 0; k < lines.size(); k++) {
                        yaml.append(k > 0 ? "\n" + indent : "").append(lines.get(k).replace("\\", "\\\\").replace("\"", "\\\""));
                    }
                    yaml.append("\"\n");
                }
                default -> {
                    yaml.append('\'');
                    for (int k = 0; k < lines.size(); k++) {
                        yaml.append(k > 0 ? "\n" + indent : "").append(lines.get(k).replace("'", "''"));
                    }
                    yaml.append("'\n");
                }
            }
            String source = yaml.toString();
            ScalarText st = run(source);
            SourceText text = SourceText.of(PATH, source);
            int from = 0;
            while ((from = st.value().indexOf("MARK", from)) >= 0) {
                Location l = st.span(from, from + 4);
                assertThat(l).as(source).isNotEqualTo(st.location());
                assertThat(at(source, l)).as(source).isEqualTo("MARK");
                from += 4;
            }
            for (Script.Line line : st.lines()) {
                if (line.verbatim()) {
                    Location l = line.location();
                    assertThat(text.line(l.startLine()).substring(l.startColumn() - 1)).as(source).startsWith(line.text());
                }
            }
            if (style == 0) {
                assertThat(st.lines()).as(source).allMatch(Script.Line::verbatim);
            }
        }
    }
}

package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PthFileParserTest {

    private static PthDocument parse(String path, byte[] content) throws Exception {
        InMemoryParseContext context = new InMemoryParseContext();
        return (PthDocument) new PthFileParser().parse(context.add(path, content), context).get(0);
    }

    private static PthDocument parse(String content) throws Exception {
        return parse("x.pth", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pyTorchCheckpointsNamedPthAreLeftToTheArtifactRulesOutsideWheels() throws Exception {
        InMemoryParseContext context = new InMemoryParseContext();
        PthFileParser parser = new PthFileParser();
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] pickle = {(byte) 0x80, 2, (byte) 0x8a, 10};
        assertThat(parser.accepts(context.add("models/resnet.pth", zip))).isFalse();
        assertThat(parser.accepts(context.add("models/legacy.pth", pickle))).isFalse();
        assertThat(parser.accepts(context.add("pkg-1.0.tar.gz!/pkg-1.0/weights.pth", zip))).isFalse();
        assertThat(parser.accepts(context.add("dist/pkg-1.0-py3-none-any.whl!/evil.pth", zip)))
                .as("site.py reads whatever sits at a wheel's site-packages root").isTrue();
        assertThat(parser.accepts(context.add("hook.pth", "import os\n".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(parser.accepts(context.add("paths.pth", "PK/lib\n".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(parser.accepts(context.add("empty.pth", new byte[0]))).isTrue();
    }

    @Test
    void linesAreClassifiedAsSitePyDoes() throws Exception {
        PthDocument doc = parse("# comment\n\n   \n../lib\nimport os\nimport\tsys\nimportlib\n import indented\n#import x\n");
        assertThat(doc.lines()).extracting(PthLine::kind).containsExactly(PthLine.Kind.COMMENT, PthLine.Kind.BLANK,
                PthLine.Kind.BLANK, PthLine.Kind.PATH, PthLine.Kind.EXECUTED, PthLine.Kind.EXECUTED, PthLine.Kind.PATH,
                PthLine.Kind.EXECUTED, PthLine.Kind.COMMENT);
        assertThat(doc.lines().get(4).code()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("import os");
            assertThat(c.since()).isEqualTo(PthCode.Since.ALL_VERSIONS);
            assertThat(c.location()).isEqualTo(Location.ofLine("x.pth", 5, 1, 10));
        });
        assertThat(doc.lines().get(7).code()).singleElement().satisfies(c -> {
            assertThat(c.since()).isEqualTo(PthCode.Since.PYTHON_3_15);
            assertThat(c.location()).isEqualTo(Location.ofLine("x.pth", 8, 2, 17));
        });
    }

    @Test
    void splitlinesBreaksRevealHiddenCode() throws Exception {
        for (char brk : List.of('\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029')) {
            PthDocument doc = parse("# just a comment" + brk + "import os;os.system('id')\n");
            assertThat(doc.lines()).hasSize(1);
            PthLine line = doc.lines().get(0);
            assertThat(line.kind()).as("break U+%04X", (int) brk).isEqualTo(PthLine.Kind.EXECUTED);
            assertThat(line.code()).singleElement().satisfies(c -> {
                assertThat(c.since()).isEqualTo(PthCode.Since.PYTHON_3_13);
                assertThat(c.text()).isEqualTo("import os;os.system('id')");
                assertThat(c.references()).extracting(r -> r.name()).contains("os.system");
            });
        }
        PthLine both = parse("import a\u000bimport b\n").lines().get(0);
        assertThat(both.code()).extracting(PthCode::text, PthCode::since).containsExactly(
                org.assertj.core.groups.Tuple.tuple("import a\u000bimport b", PthCode.Since.ALL_VERSIONS),
                org.assertj.core.groups.Tuple.tuple("import b", PthCode.Since.PYTHON_3_13));
        PthLine indentedAfterBreak = parse("/p\u2028  import c\n").lines().get(0);
        assertThat(indentedAfterBreak.code()).extracting(PthCode::since).containsExactly(PthCode.Since.PYTHON_3_15);
    }

    @Test
    void aByteOrderMarkIsDroppedAndOtherEncodingsAreReadAsLatin1() throws Exception {
        PthDocument bom = parse("x.pth", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'm', 'p', 'o', 'r', 't',
                ' ', 'o', 's'});
        assertThat(bom.executedLines()).hasSize(1);
        InMemoryParseContext context = new InMemoryParseContext();
        Source latin = context.add("y.pth", new byte[] {'#', (byte) 0xE9, '\n', 'i', 'm', 'p', 'o', 'r', 't', ' ', 'x', 0});
        PthDocument doc = (PthDocument) new PthFileParser().parse(latin, context).get(0);
        assertThat(doc.executedLines()).hasSize(1);
        assertThat(context.diagnostics()).extracting(d -> d.code()).containsExactly("non-utf8-text");
    }

    @Test
    void insideWheelsOnlySitePackagesRootFilesAreAccepted() throws Exception {
        PthFileParser parser = new PthFileParser();
        String wheel = "dist/a-1.0-py3-none-any.whl!/";
        assertThat(parser.accepts(Source.of(wheel + "a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/purelib/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/platlib/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/data/lib/python3.11/site-packages/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/data/Lib/site-packages/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of(wheel + "a/a.pth", ""))).isFalse();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/purelib/a/a.pth", ""))).isFalse();
        assertThat(parser.accepts(Source.of(wheel + "a-1.0.data/scripts/a.pth", ""))).isFalse();
        assertThat(parser.accepts(Source.of("dist/a-1.0.tar.gz!/a-1.0/deep/down/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of("lib/a.pth", ""))).isTrue();
        assertThat(parser.accepts(Source.of("lib/a.PTH", ""))).isFalse();
        assertThat(parser.accepts(Source.of("lib/a.pth.bak", ""))).isFalse();
    }
}

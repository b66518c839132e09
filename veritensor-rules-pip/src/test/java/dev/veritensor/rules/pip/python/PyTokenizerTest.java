package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PyTokenizerTest {

    /** Tokens as {@code TYPE:text}, without the end-of-input bookkeeping. */
    private static String render(String code) {
        return PyTokenizer.tokenize("t.py", code).stream()
                .filter(t -> t.type() != PyTokenType.ENDMARKER)
                .map(t -> t.type() + (t.text().isEmpty() ? "" : ":" + t.text().replace("\n", "\\n").replace("\r", "\\r")))
                .collect(Collectors.joining(" "));
    }

    private static List<PyToken> tokens(String code) {
        return PyTokenizer.tokenize("t.py", code);
    }

    @Test
    void simpleStatementsAndIndentation() {
        assertThat(render("def run(self):\n    os.system('x')  # c\n\nx = 1\n")).isEqualTo(
                "NAME:def NAME:run OP:( NAME:self OP:) OP:: NEWLINE:\\n INDENT:     NAME:os OP:. NAME:system OP:("
                        + " STRING:'x' OP:) COMMENT:# c NEWLINE:\\n NL:\\n DEDENT NAME:x OP:= NUMBER:1 NEWLINE:\\n");
    }

    @Test
    void bracketsSpanLinesAndBackslashesJoinThem() {
        assertThat(render("f(a,\n  b) + \\\n  c\n")).isEqualTo(
                "NAME:f OP:( NAME:a OP:, NL:\\n NAME:b OP:) OP:+ NAME:c NEWLINE:\\n");
    }

    @Test
    void tabsIndentToMultiplesOfEightAndDedentsCloseBlocks() {
        assertThat(render("if a:\n\tif b:\n\t\tc\nd\n").replace("\t", "<tab>")).isEqualTo(
                "NAME:if NAME:a OP:: NEWLINE:\\n INDENT:<tab> NAME:if NAME:b OP:: NEWLINE:\\n INDENT:<tab><tab> NAME:c"
                        + " NEWLINE:\\n DEDENT DEDENT NAME:d NEWLINE:\\n");
    }

    @Test
    void inconsistentDedentIsAnErrorTokenAndReadingGoesOn() {
        assertThat(render("if a:\n    b\n  c\n")).contains("ERRORTOKEN:  ", "NAME:c");
    }

    @Test
    void stringPrefixesAndEscapesDecode() {
        List<PyToken> t = tokens("a = b'\\x6f\\163' + r'\\x' + u\"\\u0041\\N{LATIN SMALL LETTER B}\" + '''x\ny''' + Rb\"\\\"\"\n");
        List<String> values = t.stream().filter(x -> x.type() == PyTokenType.STRING).map(PyToken::value).toList();
        assertThat(values).containsExactly("os", "\\x", "Ab", "x\ny", "\\\"");
        PyToken triple = t.stream().filter(x -> x.text().startsWith("'''")).findFirst().orElseThrow();
        assertThat(triple.location()).isEqualTo(new Location("t.py", 1, 63, 2, 5));
    }

    @Test
    void unterminatedStringsAreErrorTokens() {
        assertThat(render("x = 'abc\ny = 2\n")).isEqualTo(
                "NAME:x OP:= ERRORTOKEN:'abc NEWLINE:\\n NAME:y OP:= NUMBER:2 NEWLINE:\\n");
        assertThat(render("x = '''abc\ny")).isEqualTo("NAME:x OP:= ERRORTOKEN:'''abc\\ny NEWLINE");
    }

    @Test
    void fStringFieldsAreTokenizedAsCode() {
        assertThat(render("f\"a{__import__('os').system(x)!r:>{w}}b{{c}}\"\n")).isEqualTo(
                "FSTRING_START:f\" FSTRING_MIDDLE:a OP:{ NAME:__import__ OP:( STRING:'os' OP:) OP:. NAME:system OP:("
                        + " NAME:x OP:) OP:! NAME:r OP:: FSTRING_MIDDLE:> OP:{ NAME:w OP:} OP:} FSTRING_MIDDLE:b{{c}}"
                        + " FSTRING_END:\" NEWLINE:\\n");
        PyToken literal = tokens("f'b{{c}}'").stream().filter(x -> x.type() == PyTokenType.FSTRING_MIDDLE)
                .findFirst().orElseThrow();
        assertThat(literal.value()).isEqualTo("b{c}");
    }

    @Test
    void fStringsNestWithTheSameQuoteAsInPython312() {
        assertThat(render("f\"{f\"{x}\"}\"")).isEqualTo(
                "FSTRING_START:f\" OP:{ FSTRING_START:f\" OP:{ NAME:x OP:} FSTRING_END:\" OP:} FSTRING_END:\" NEWLINE");
    }

    @Test
    void fStringFieldsMaySpanLinesInTripleQuotesWithoutIndentation() {
        assertThat(render("x = f'''{\n  a}''' + 1\ny\n")).isEqualTo(
                "NAME:x OP:= FSTRING_START:f''' OP:{ NL:\\n NAME:a OP:} FSTRING_END:''' OP:+ NUMBER:1 NEWLINE:\\n"
                        + " NAME:y NEWLINE:\\n");
    }

    @Test
    void namedEscapesInFStringsAreNotFields() {
        List<PyToken> t = tokens("f'\\N{BULLET}{x}'");
        assertThat(t.stream().map(PyToken::type).toList()).containsSubsequence(PyTokenType.FSTRING_MIDDLE,
                PyTokenType.OP, PyTokenType.NAME, PyTokenType.OP, PyTokenType.FSTRING_END);
        assertThat(t.get(1).value()).isEqualTo("\u2022");
    }

    @Test
    void namesAreNormalisedLikePythonDoes() {
        PyToken name = tokens("\uff45\uff58\uff45\uff43('x')").get(0);
        assertThat(name.type()).isEqualTo(PyTokenType.NAME);
        assertThat(name.value()).isEqualTo("exec");
    }

    @Test
    void numbersDoNotSwallowKeywords() {
        assertThat(render("1if x else 0x1f+2e-3j")).isEqualTo(
                "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:0x1f OP:+ NUMBER:2e-3j NEWLINE");
    }

    @Test
    void operatorsTakeTheLongestMatch() {
        assertThat(render("a **= b // c := d -> e != f ... !")).isEqualTo(
                "NAME:a OP:**= NAME:b OP:// NAME:c OP::= NAME:d OP:-> NAME:e OP:!= NAME:f OP:... OP:! NEWLINE");
    }

    @Test
    void strayCharactersAreErrorTokens() {
        assertThat(render("a $ b ?")).isEqualTo("NAME:a ERRORTOKEN:$ NAME:b ERRORTOKEN:? NEWLINE");
    }

    @Test
    void locationsOfAPieceOfAFileUseTheFilesCoordinates() {
        PyTokenizer t = PyTokenizer.of("x.pth", "import os", 7, 3);
        assertThat(t.next().location()).isEqualTo(new Location("x.pth", 7, 3, 7, 9));
        assertThat(t.next().location()).isEqualTo(new Location("x.pth", 7, 10, 7, 12));
    }

    @Test
    void crLfAndLoneCrEndLines() {
        List<PyToken> t = tokens("a\r\nb\rc");
        assertThat(t.stream().filter(x -> x.type() == PyTokenType.NAME).map(x -> x.location().startLine()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void deeplyNestedFStringsStayBounded() {
        String deep = "f'{".repeat(200) + "x" + "}'".repeat(200);
        List<PyToken> t = tokens(deep);
        assertThat(t.stream().filter(x -> x.type() == PyTokenType.FSTRING_START)).hasSize(PyTokenizer.MAX_FSTRING_DEPTH);
        assertThat(t.get(t.size() - 1).type()).isEqualTo(PyTokenType.ENDMARKER);
    }
}

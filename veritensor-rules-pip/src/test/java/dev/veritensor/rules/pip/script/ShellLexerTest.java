package dev.veritensor.rules.pip.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellLexerTest {

    private static List<List<String>> commands(String script) {
        return commands(script, false);
    }

    private static List<List<String>> commands(String script, boolean docker) {
        return ShellLexer.commands(script, docker).stream()
                .map(c -> c.words().stream().map(ShellWord::value).toList()).toList();
    }

    @Test
    void operatorsAndNewlinesSeparateCommands() {
        assertThat(commands("a 1 && b 2 || c;d|e |& f & g\nh (i) {  j; }"))
                .containsExactly(List.of("a", "1"), List.of("b", "2"), List.of("c"), List.of("d"), List.of("e"),
                        List.of("f"), List.of("g"), List.of("h"), List.of("i"), List.of("{", "j"), List.of("}"));
    }

    @Test
    void quotesAndEscapesAreRemovedAndEachCharacterKeepsItsSource() {
        String script = "pip install \"torch>=2\"'.1' tor\\ ch";
        List<ShellWord> words = ShellLexer.commands(script, false).get(0).words();
        assertThat(words).extracting(ShellWord::value).containsExactly("pip", "install", "torch>=2.1", "tor ch");
        ShellWord spec = words.get(2);
        assertThat(spec.start()).isEqualTo(12);
        assertThat(spec.end()).isEqualTo(script.indexOf(" tor\\"));
        int[] sources = spec.sources();
        assertThat(script.charAt(sources[0])).isEqualTo('t');
        assertThat(sources[0]).isEqualTo(13);
        assertThat(script.charAt(sources[8])).isEqualTo('.');
        assertThat(sources[8]).isEqualTo(sources[7] + 3);
        assertThat(spec.expanded()).isFalse();
        assertThat(words.get(3).sources()[3]).isEqualTo(script.lastIndexOf(' '));
    }

    @Test
    void doubleQuotesKeepBackslashesThatEscapeNothing() {
        assertThat(commands("echo \"a\\b \\\"c\\\" \\$d\"")).containsExactly(List.of("echo", "a\\b \"c\" $d"));
        assertThat(commands("echo $'x\\'y'")).containsExactly(List.of("echo", "x'y"));
    }

    @Test
    void expansionsBecomeStandIns() {
        List<ShellWord> words = ShellLexer.commands(
                "pip install torch==$V \"x${ver:-1}\" ${{ matrix.torch-version }} $1 $(date) `date` $((1+2))", false)
                .stream().filter(c -> c.words().get(0).value().equals("pip")).findFirst().orElseThrow().words();
        assertThat(words).extracting(ShellWord::value).containsExactly("pip", "install", "torch==${V}", "x${VER}",
                "${TORCH_VERSION}", "${ARG1}", "${COMMAND_OUTPUT}", "${COMMAND_OUTPUT}", "${ARITHMETIC}");
        assertThat(words.get(2).expanded()).isTrue();
        assertThat(words.get(2).sources()).endsWith(-1, -1, -1, -1);
        assertThat(words.get(0).expanded()).isFalse();
    }

    @Test
    void aGitHubExpressionWithBlanksIsOneWord() {
        assertThat(commands("pip install --index-url https://u:${{ secrets.PYPI_TOKEN }}@h/simple x"))
                .containsExactly(List.of("pip", "install", "--index-url", "https://u:${PYPI_TOKEN}@h/simple", "x"));
    }

    @Test
    void commandSubstitutionsAreCommandsOfTheirOwnBeforeTheirHolder() {
        assertThat(commands("X=$(pip install a; pip install \"$(echo b)\") && echo `pip install c`"))
                .containsExactly(List.of("pip", "install", "a"), List.of("echo", "b"),
                        List.of("pip", "install", "${COMMAND_OUTPUT}"), List.of("X=${COMMAND_OUTPUT}"),
                        List.of("pip", "install", "c"), List.of("echo", "${COMMAND_OUTPUT}"));
        assertThat(commands("diff <(pip freeze) >(cat)")).containsExactly(List.of("pip", "freeze"),
                List.of("cat"), List.of("diff", "${COMMAND_OUTPUT}", "${COMMAND_OUTPUT}"));
    }

    @Test
    void redirectionsAreNotWords() {
        List<ShellCommand> cs = ShellLexer.commands("pip install torch>=2.0 2>&1 &>> log < in", false);
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).words()).extracting(ShellWord::value).containsExactly("pip", "install", "torch");
        assertThat(cs.get(0).redirects()).extracting(ShellCommand.Redirect::operator)
                .containsExactly(">", ">&", "&>>", "<");
        assertThat(cs.get(0).redirects().get(0).target().orElseThrow().value()).isEqualTo("=2.0");
    }

    @Test
    void hereDocumentBodiesAreSkipped() {
        assertThat(commands("cat <<EOF > r.txt\npip install a\nEOF\npip install b\ncat <<-'X'\n\tpip install c\n\tX\nok"))
                .containsExactly(List.of("cat"), List.of("pip", "install", "b"), List.of("cat"), List.of("ok"));
    }

    @Test
    void continuationsJoinLinesAndCommentsEndThem() {
        assertThat(commands("pip install \\\n  a \\\n  b # c d\ne")).containsExactly(
                List.of("pip", "install", "a", "b"), List.of("e"));
        assertThat(commands("pip ins\\\ntall x")).containsExactly(List.of("pip", "install", "x"));
        assertThat(commands("echo a#b")).containsExactly(List.of("echo", "a#b"));
    }

    @Test
    void dockerDropsCommentLinesInsideContinuations() {
        String run = "pip install \\\n  # comment\n  a \\\n   # another\n  b";
        assertThat(commands(run, true)).containsExactly(List.of("pip", "install", "a", "b"));
        assertThat(commands(run, false)).containsExactly(List.of("pip", "install"), List.of("a"), List.of("b"));
    }

    @Test
    void unterminatedConstructsRunToTheEnd() {
        assertThat(commands("pip install 'a b")).containsExactly(List.of("pip", "install", "a b"));
        assertThat(commands("pip install \"a $(b")).containsExactly(List.of("b"),
                List.of("pip", "install", "a ${COMMAND_OUTPUT}"));
        assertThat(commands("echo ${x")).containsExactly(List.of("echo", "${X}"));
        assertThat(commands("echo `a")).containsExactly(List.of("a"), List.of("echo", "${COMMAND_OUTPUT}"));
        assertThat(commands("x \\")).containsExactly(List.of("x", "\\"));
    }

    @Test
    void deeplyNestedSubstitutionsStopBeingFollowed() {
        String deep = "$(".repeat(10_000) + "pip install a" + ")".repeat(10_000);
        List<List<String>> cs = commands("echo " + deep + " && pip install b");
        assertThat(cs).contains(List.of("pip", "install", "b"));
        assertThat(cs).doesNotContain(List.of("pip", "install", "a"));
    }

    @Test
    void wordsOfAValueKeepTheirPlaceInTheScript() {
        String script = "pipx install --pip-args='--index-url https://x/simple --pre' black";
        ShellWord value = ShellLexer.commands(script, false).get(0).words().get(2).suffix("--pip-args=".length());
        List<ShellWord> inner = ShellLexer.wordsOf(value);
        assertThat(inner).extracting(ShellWord::value).containsExactly("--index-url", "https://x/simple", "--pre");
        ShellWord url = inner.get(1);
        assertThat(script.substring(url.start(), url.end())).isEqualTo("https://x/simple");
        assertThat(url.spelledAtStart(url.value().length())).isTrue();
    }

    @Test
    void anEnvironmentValueIsReadLikeTheInsideOfDoubleQuotes() {
        ShellWord w = ShellLexer.expandable("https://u:$TOKEN@h/\"x\"");
        assertThat(w.value()).isEqualTo("https://u:${TOKEN}@h/\"x\"");
        assertThat(ShellLexer.expandable("https://h/simple").expanded()).isFalse();
    }
}

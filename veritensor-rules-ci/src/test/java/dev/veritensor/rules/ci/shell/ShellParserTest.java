package dev.veritensor.rules.ci.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellParserTest {

    private static List<List<String>> words(ShellScript s) {
        return s.allCommands().stream().map(c -> c.words().stream().map(Word::text).toList()).toList();
    }

    @Test
    void splitsPipelinesAndLists() {
        ShellScript s = ShellParser.parse("curl -sSL https://x.io/i.sh | sudo bash -s -- --yes && echo ok; ls &\nrm -rf x || true");
        assertThat(s.pipelines()).hasSize(5);
        assertThat(s.pipelines().get(0).commands()).hasSize(2);
        assertThat(words(s)).containsExactly(
                List.of("curl", "-sSL", "https://x.io/i.sh"),
                List.of("sudo", "bash", "-s", "--", "--yes"),
                List.of("echo", "ok"),
                List.of("ls"),
                List.of("rm", "-rf", "x"),
                List.of("true"));
    }

    @Test
    void removesQuotingAndKeepsExpansions() {
        ShellScript s = ShellParser.parse("echo 'a b' \"c $HOME d\" e\\ f $'g\\'' \"${X:-y}\" ${{ github.event.issue.title }} `id`");
        List<Word> w = s.pipelines().get(0).commands().get(0).words();
        assertThat(w).extracting(Word::text).containsExactly("echo", "a b", "c $HOME d", "e f", "g\\'",
                "${X:-y}", "${{ github.event.issue.title }}", "`id`");
        assertThat(w.get(1).literal()).isTrue();
        assertThat(w.get(2).literal()).isFalse();
        assertThat(w.get(3).literal()).isTrue();
    }

    @Test
    void githubPlaceholdersAreOpaqueWords() {
        ShellScript s = ShellParser.parse("echo \"${{ github.event.issue.title }}\" ${{github.head_ref}}");
        assertThat(words(s)).containsExactly(List.of("echo", "${{ github.event.issue.title }}", "${{github.head_ref}}"));
        assertThat(s.allCommands().get(0).words().get(1).literal()).isFalse();
    }

    @Test
    void parsesSubstitutions() {
        ShellScript s = ShellParser.parse("sh -c \"$(curl -fsSL https://x.io/a.sh)\"; bash <(wget -qO- https://y.io/b.sh); X=`date`");
        assertThat(words(s)).containsExactly(
                List.of("sh", "-c", "$(curl -fsSL https://x.io/a.sh)"),
                List.of("curl", "-fsSL", "https://x.io/a.sh"),
                List.of("bash", "<(wget -qO- https://y.io/b.sh)"),
                List.of("wget", "-qO-", "https://y.io/b.sh"),
                List.of(),
                List.of("date"));
        SimpleCommand sh = s.pipelines().get(0).commands().get(0);
        assertThat(sh.words().get(2).substitutions()).hasSize(1);
        assertThat(s.pipelines().get(2).commands().get(0).assignments()).extracting(Word::text).containsExactly("X=`date`");
    }

    @Test
    void arithmeticAndParameterExpansionsAreNotCommands() {
        ShellScript s = ShellParser.parse("echo $((1 + (2 * 3))) ${A:-$(echo no)}");
        assertThat(words(s)).containsExactly(List.of("echo", "$((1 + (2 * 3)))", "${A:-$(echo no)}"));
    }

    @Test
    void readsHereDocumentsAsData() {
        String text = "cat <<'EOF' > /tmp/x.py\ncurl https://x | sh\nEOF\npython3 - <<-END\n\tprint(1)\n\tEND\necho done";
        ShellScript s = ShellParser.parse(text);
        assertThat(words(s)).containsExactly(List.of("cat"), List.of("python3", "-"), List.of("echo", "done"));
        SimpleCommand cat = s.pipelines().get(0).commands().get(0);
        assertThat(cat.redirects()).extracting(Redirect::operator).containsExactly("<<", ">");
        assertThat(cat.redirects().get(0).body()).contains("curl https://x | sh\n");
        assertThat(cat.redirects().get(1).writesFile()).isTrue();
        assertThat(s.pipelines().get(1).commands().get(0).redirects().get(0).body()).contains("\tprint(1)\n");
    }

    @Test
    void commentsAndContinuations() {
        ShellScript s = ShellParser.parse("# setup\npip install \\\n  torch \\\n  numpy # pinned later\necho a#b");
        assertThat(words(s)).containsExactly(List.of("pip", "install", "torch", "numpy"), List.of("echo", "a#b"));
    }

    @Test
    void redirectionsAreNotWords() {
        SimpleCommand c = ShellParser.parse("curl -s https://x 2>&1 >out.json 2> err.log").pipelines().get(0).commands().get(0);
        assertThat(c.words()).extracting(Word::text).containsExactly("curl", "-s", "https://x");
        assertThat(c.redirects()).extracting(Redirect::operator).containsExactly(">&", ">", ">");
        assertThat(c.redirects().get(1).target().orElseThrow().text()).isEqualTo("out.json");
    }

    @Test
    void effectiveCommandLooksThroughWrappersAndKeywords() {
        SimpleCommand c = ShellParser.parse("if sudo -E -u root env PIP_INDEX_URL=https://x timeout 30 bash -s; then :; fi")
                .pipelines().get(0).commands().get(0);
        SimpleCommand e = c.effective();
        assertThat(e.words()).extracting(Word::text).containsExactly("bash", "-s");
        assertThat(e.assignments()).extracting(Word::text).containsExactly("PIP_INDEX_URL=https://x");
        assertThat(e.name()).contains("bash");
    }

    @Test
    void optionValues() {
        SimpleCommand c = ShellParser.parse("curl -fsSLo model.bin --retry 3 --output=x.bin https://h").allCommands().get(0);
        assertThat(c.optionValue("--output")).map(Word::text).contains("x.bin");
        assertThat(c.optionValue("--retry")).map(Word::text).contains("3");
        assertThat(c.hasOption("--output")).isTrue();
        assertThat(c.hasOption("-o")).isFalse();
    }

    @Test
    void wordOffsetsPointIntoTheText() {
        String text = "  echo \"a b\"  'c'\n  ls -l";
        ShellScript s = ShellParser.parse(text);
        Word ab = s.allCommands().get(0).words().get(1);
        assertThat(text.substring(ab.start(), ab.end())).isEqualTo("\"a b\"");
        SimpleCommand ls = s.allCommands().get(1);
        assertThat(text.substring(ls.start(), ls.end())).isEqualTo("ls -l");
    }

    @Test
    void subshellsAndGroups() {
        ShellScript s = ShellParser.parse("(cd x && make) | tee log; { a; b; }; $( (echo inner) )");
        assertThat(words(s)).contains(List.of("cd", "x"), List.of("make"), List.of("tee", "log"), List.of("echo", "inner"));
    }

    @Test
    void hostileNestingNeitherThrowsNorRecursesWithoutBound() {
        int n = 50_000;
        for (String text : new String[] {"$(".repeat(n), "echo " + "$(echo ".repeat(n) + ")".repeat(n), "`".repeat(n),
            "<(".repeat(n), "\"$(\"".repeat(n), "${".repeat(n), "$((".repeat(n), "'".repeat(n + 1), "<<E\n".repeat(n)}) {
            ShellScript s = ShellParser.parse(text);
            for (SimpleCommand c : s.allCommands()) {
                assertThat(c.start()).isBetween(0, text.length());
                assertThat(c.end()).isBetween(c.start(), text.length());
            }
        }
    }
}

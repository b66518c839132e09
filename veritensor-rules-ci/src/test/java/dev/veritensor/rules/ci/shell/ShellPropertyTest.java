package dev.veritensor.rules.ci.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomized tests of the shell parser: random command lists whose words are written with
 * random quoting, escaping and line continuations parse back into the same commands and words,
 * each word's span re-parsing to the word; and random character soup never makes the parser
 * throw, loop or produce spans outside the text.
 */
class ShellPropertyTest {

    private static final String WORD_CHARS = "abcXYZ019-_./:=+@%,!?*~ '\"$`\\|&;()<>#{}\t\n";
    private static final String[] SEPARATORS = {"; ", " && ", " || ", "\n", " & ", " ;\n", "\n\n"};

    @Test
    void randomCommandListsRoundTrip() {
        Random r = new Random(0x5EED_0101L);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            List<List<List<String>>> expected = new ArrayList<>();
            int pipelines = 1 + r.nextInt(4);
            for (int p = 0; p < pipelines; p++) {
                if (p > 0) {
                    text.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
                }
                List<List<String>> pipeline = new ArrayList<>();
                int stages = 1 + r.nextInt(3);
                for (int c = 0; c < stages; c++) {
                    if (c > 0) {
                        text.append(r.nextBoolean() ? " | " : "|");
                    }
                    List<String> command = new ArrayList<>();
                    int words = 1 + r.nextInt(4);
                    for (int w = 0; w < words; w++) {
                        if (w > 0) {
                            text.append(r.nextInt(5) == 0 ? " \\\n  " : " ".repeat(1 + r.nextInt(2)));
                        }
                        String word = randomWord(r, w == 0);
                        command.add(word);
                        text.append(quote(r, word));
                    }
                    pipeline.add(command);
                }
                expected.add(pipeline);
            }
            String source = text.toString();
            ShellScript parsed = ShellParser.parse(source);
            List<List<List<String>>> actual = parsed.pipelines().stream()
                    .map(pl -> pl.commands().stream().map(c -> c.words().stream().map(Word::text).toList()).toList())
                    .toList();
            assertThat(actual).as(source).isEqualTo(expected);
            for (SimpleCommand c : parsed.allCommands()) {
                for (Word w : c.words()) {
                    String span = source.substring(w.start(), w.end());
                    List<SimpleCommand> again = ShellParser.parse(span).allCommands();
                    assertThat(again).as("span '%s' of %s", span, source).hasSize(1);
                    List<String> reparsed = new ArrayList<>();
                    again.get(0).assignments().forEach(a -> reparsed.add(a.text()));
                    again.get(0).words().forEach(a -> reparsed.add(a.text()));
                    assertThat(reparsed).containsExactly(w.text());
                }
            }
        }
    }

    /** A random word; the first word of a command never looks like an assignment. */
    private static String randomWord(Random r, boolean first) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int k = 0; k < n; k++) {
            char c = WORD_CHARS.charAt(r.nextInt(WORD_CHARS.length()));
            if (first && c == '=') {
                c = 'q';
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Writes {@code word} so that the shell reads it back as one literal word. */
    private static String quote(Random r, String word) {
        int style = r.nextInt(3);
        if (style == 0 && word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        if (style == 1) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : word.toCharArray()) {
                if (c == '"' || c == '$' || c == '`' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return sb.append('"').toString();
        }
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (c == '\n') {
                sb.append("'\n'");
            } else if (Character.isLetterOrDigit(c) || "-_./:+@%,".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void randomTextNeverBreaksTheParser() {
        Random r = new Random(0x5EED_0102L);
        String alphabet = "ab $(){}`'\"\\|&;<>#\n=-EOF\t";
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(80);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            try {
                ShellScript s = ShellParser.parse(text);
                for (Pipeline p : s.allPipelines()) {
                    assertThat(p.commands()).isNotEmpty();
                    for (SimpleCommand c : p.commands()) {
                        assertThat(c.start()).isBetween(0, text.length());
                        assertThat(c.end()).isBetween(c.start(), text.length());
                        for (Word w : c.words()) {
                            assertThat(w.start()).isBetween(c.start(), c.end());
                            assertThat(w.end()).isBetween(w.start(), c.end());
                        }
                        c.effective();
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("parser threw " + e + " for " + text);
            }
        }
    }
}

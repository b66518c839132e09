package dev.veritensor.rules.pip.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a shell script into simple commands, far enough for finding package commands in it — not
 * a full shell grammar. It knows:
 * <ul>
 *   <li>blanks, newlines and the operators {@code ; & && || | |& ( )} between commands;</li>
 *   <li>single quotes, double quotes (with their backslash escapes), {@code $'…'}, backslash
 *       escapes and {@code \}-newline continuations;</li>
 *   <li>expansions {@code $NAME}, {@code ${…}}, {@code $((…))}, and GitHub {@code ${{ … }}}
 *       expressions, which stand in a word as {@code ${NAME}} ({@link ShellWord});</li>
 *   <li>command substitutions {@code $(…)}, backquotes and process substitutions {@code <(…)},
 *       whose commands are reported too, before the command holding them;</li>
 *   <li>redirections, and here-documents, whose bodies are skipped as data;</li>
 *   <li>{@code #} comments at the start of a word.</li>
 * </ul>
 * For Dockerfile {@code RUN} instructions, comment lines inside a {@code \} continuation are
 * dropped the way Docker drops them before the shell sees the command.
 *
 * <p>Any text is accepted: unterminated quotes and substitutions run to the end of the script.
 * Substitutions are followed to a depth of {@value #MAX_DEPTH}; deeper ones are skipped. The time
 * taken is linear in the length of the text.
 */
final class ShellLexer {

    /** How deeply command substitutions are followed. */
    static final int MAX_DEPTH = 16;

    private static final String COMMAND_OUTPUT = "COMMAND_OUTPUT";

    private final String s;
    private final boolean dockerContinuations;
    private final List<ShellCommand> out = new ArrayList<>();
    private final List<String[]> heredocs = new ArrayList<>();
    private int pos;

    private ShellLexer(String text, boolean dockerContinuations) {
        this.s = text;
        this.dockerContinuations = dockerContinuations;
    }

    /**
     * The simple commands of {@code text} in the order they run.
     *
     * @param dockerContinuations whether comment lines inside continuations are dropped (Dockerfile {@code RUN})
     */
    static List<ShellCommand> commands(String text, boolean dockerContinuations) {
        ShellLexer lexer = new ShellLexer(text, dockerContinuations);
        lexer.commandList(text.length(), false, 0);
        return lexer.out;
    }

    /**
     * The words of a word's value read again as a command line, for options that carry more
     * options in one word ({@code pipx install --pip-args "--index-url URL --pre"}). Each word's
     * characters point where the outer word's characters came from.
     */
    static List<ShellWord> wordsOf(ShellWord word) {
        int[] outer = word.sources();
        List<ShellWord> words = new ArrayList<>();
        for (ShellCommand c : commands(word.value(), false)) {
            for (ShellWord w : c.words()) {
                int[] inner = w.sources();
                int[] mapped = new int[inner.length];
                boolean standIn = w.expanded();
                for (int i = 0; i < inner.length; i++) {
                    mapped[i] = inner[i] >= 0 && inner[i] < outer.length ? outer[inner[i]] : -1;
                    standIn |= mapped[i] < 0;
                }
                int start = w.start() < outer.length && outer[w.start()] >= 0 ? outer[w.start()] : word.start();
                int end = w.end() > 0 && w.end() <= outer.length && outer[w.end() - 1] >= 0 ? outer[w.end() - 1] + 1
                        : word.end();
                words.add(new ShellWord(w.value(), mapped, start, Math.max(start, end), standIn));
            }
        }
        return words;
    }

    /**
     * {@code text} read as the shell reads the inside of double quotes, for values that a file
     * gives an environment variable ({@code env:}, {@code variables:}, {@code ENV}): expansions
     * become stand-ins; the word's sources are offsets in {@code text}.
     */
    static ShellWord expandable(String text) {
        ShellLexer lexer = new ShellLexer(text, false);
        Builder b = new Builder();
        lexer.doubleQuoted(text.length(), 0, b, false);
        return b.build(0, text.length());
    }

    /**
     * Reads commands up to {@code end}; inside a {@code $(…)} substitution also up to its closing
     * parenthesis, which it consumes.
     */
    private void commandList(int end, boolean substitution, int depth) {
        List<ShellWord> words = new ArrayList<>();
        List<ShellCommand.Redirect> redirects = new ArrayList<>();
        int parens = 0;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < end && s.charAt(pos + 1) == '\n') {
                pos += 2;
                skipDockerComments(end);
            } else if (c == '\n') {
                emit(words, redirects);
                pos++;
                skipHeredocBodies(end);
            } else if (c == '#') {
                while (pos < end && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == ')') {
                emit(words, redirects);
                pos++;
                if (parens == 0 && substitution) {
                    return;
                }
                parens = Math.max(0, parens - 1);
            } else if (c == '(') {
                emit(words, redirects);
                parens++;
                pos++;
            } else if ((c == '<' || c == '>') && pos + 1 < end && s.charAt(pos + 1) == '(') {
                int start = pos;
                pos += 2;
                substitution(end, depth);
                words.add(standIn(COMMAND_OUTPUT, start, pos));
            } else if (c == '<' || c == '>' || c == '&' && pos + 1 < end && s.charAt(pos + 1) == '>'
                    || isDigit(c) && redirectAfterDigits(end)) {
                redirects.add(redirect(end, depth));
            } else if (c == ';' || c == '&' || c == '|') {
                emit(words, redirects);
                pos++;
                if (pos < end && (s.charAt(pos) == c || c == '|' && s.charAt(pos) == '&')) {
                    pos++;
                }
            } else {
                words.add(word(end, depth));
            }
        }
        emit(words, redirects);
    }

    private void emit(List<ShellWord> words, List<ShellCommand.Redirect> redirects) {
        if (!words.isEmpty() || !redirects.isEmpty()) {
            out.add(new ShellCommand(words, redirects));
            words.clear();
            redirects.clear();
        }
    }

    private boolean redirectAfterDigits(int end) {
        int i = pos;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        return i < end && (s.charAt(i) == '<' || s.charAt(i) == '>');
    }

    private ShellCommand.Redirect redirect(int end, int depth) {
        while (pos < end && isDigit(s.charAt(pos))) {
            pos++;
        }
        int opStart = pos;
        String[] operators = {"&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"};
        String op = ">";
        for (String candidate : operators) {
            if (s.startsWith(candidate, pos) && pos + candidate.length() <= end) {
                op = candidate;
                break;
            }
        }
        pos = Math.min(end, opStart + op.length());
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        Optional<ShellWord> target = Optional.empty();
        if (pos < end && !isTerminator(s.charAt(pos))) {
            ShellWord w = word(end, depth);
            target = Optional.of(w);
            if (op.equals("<<") || op.equals("<<-")) {
                heredocs.add(new String[] {w.value(), op});
            }
        }
        return new ShellCommand.Redirect(op, target);
    }

    /** After a newline: skips the bodies of the here-documents announced on the line that ended. */
    private void skipHeredocBodies(int end) {
        for (String[] heredoc : heredocs) {
            String delimiter = heredoc[0];
            boolean stripTabs = heredoc[1].equals("<<-");
            while (pos < end) {
                int nl = s.indexOf('\n', pos);
                int lineEnd = nl < 0 || nl > end ? end : nl;
                String line = s.substring(pos, lineEnd);
                if (stripTabs) {
                    line = line.replaceFirst("^\t+", "");
                }
                pos = lineEnd < end ? lineEnd + 1 : end;
                if (line.equals(delimiter)) {
                    break;
                }
            }
        }
        heredocs.clear();
    }

    /** After a {@code \}-newline in a Dockerfile: drops the comment lines Docker removes. */
    private void skipDockerComments(int end) {
        if (!dockerContinuations) {
            return;
        }
        while (pos < end) {
            int i = pos;
            while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i >= end || s.charAt(i) != '#') {
                return;
            }
            int nl = s.indexOf('\n', i);
            pos = nl < 0 || nl >= end ? end : nl + 1;
        }
    }

    private ShellWord word(int end, int depth) {
        int start = pos;
        Builder b = new Builder();
        while (pos < end) {
            char c = s.charAt(pos);
            if (isTerminator(c)) {
                break;
            }
            switch (c) {
                case '\'' -> singleQuoted(end, b);
                case '"' -> {
                    pos++;
                    doubleQuoted(end, depth, b, true);
                }
                case '\\' -> {
                    if (pos + 1 >= end) {
                        b.add(c, pos++);
                    } else if (s.charAt(pos + 1) == '\n') {
                        pos += 2;
                        skipDockerComments(end);
                    } else {
                        b.add(s.charAt(pos + 1), pos + 1);
                        pos += 2;
                    }
                }
                case '$' -> dollar(end, depth, b, false);
                case '`' -> backquoted(end, depth, b);
                default -> b.add(c, pos++);
            }
        }
        return b.build(start, Math.max(start, pos));
    }

    private void singleQuoted(int end, Builder b) {
        int close = indexOf("'", pos + 1, end);
        int stop = close < 0 ? end : close;
        for (int i = pos + 1; i < stop; i++) {
            b.add(s.charAt(i), i);
        }
        pos = stop < end ? stop + 1 : end;
    }

    /** Reads a double-quoted string whose opening quote was consumed; {@code closes} when a quote ends it. */
    private void doubleQuoted(int end, int depth, Builder b, boolean closes) {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"' && closes) {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < end) {
                char n = s.charAt(pos + 1);
                if (n == '\n') {
                    pos += 2;
                } else if (n == '"' || n == '\\' || n == '$' || n == '`') {
                    b.add(n, pos + 1);
                    pos += 2;
                } else {
                    b.add(c, pos++);
                }
            } else if (c == '$') {
                dollar(end, depth, b, true);
            } else if (c == '`') {
                backquoted(end, depth, b);
            } else {
                b.add(c, pos++);
            }
        }
    }

    /** Reads what follows a {@code $}: an expansion, a substitution, a quoted string, or a plain dollar. */
    private void dollar(int end, int depth, Builder b, boolean quoted) {
        int start = pos;
        char n = pos + 1 < end ? s.charAt(pos + 1) : '\0';
        if (n == '{' && pos + 2 < end && s.charAt(pos + 2) == '{') {
            int close = indexOf("}}", pos + 3, end);
            boolean closed = close >= 0;
            b.standIn(expressionName(s.substring(pos + 3, closed ? close : end)));
            pos = closed ? close + 2 : end;
        } else if (n == '{') {
            int stop = matching(pos + 2, end, '{', '}');
            int inside = stop > pos + 2 && s.charAt(stop - 1) == '}' ? stop - 1 : stop;
            b.standIn(parameterName(s.substring(pos + 2, inside)));
            pos = stop;
        } else if (n == '(' && pos + 2 < end && s.charAt(pos + 2) == '(') {
            pos = matching(pos + 3, end, '(', ')');
            if (pos < end && s.charAt(pos) == ')') {
                pos++;
            }
            b.standIn("ARITHMETIC");
        } else if (n == '(') {
            pos += 2;
            substitution(end, depth);
            b.standIn(COMMAND_OUTPUT);
        } else if (n == '\'' && !quoted) {
            pos++;
            ansiQuoted(end, b);
        } else if (n == '"' && !quoted) {
            pos += 2;
            doubleQuoted(end, depth, b, true);
        } else if (isNameStart(n)) {
            int i = pos + 1;
            while (i < end && isNameChar(s.charAt(i))) {
                i++;
            }
            b.standIn(s.substring(pos + 1, i));
            pos = i;
        } else if (isDigit(n) || "@*#?$!-".indexOf(n) >= 0 && n != '\0') {
            b.standIn(isDigit(n) ? "ARG" + n : "SPECIAL");
            pos += 2;
        } else {
            b.add('$', pos++);
        }
        if (pos == start) {
            pos++;
        }
    }

    /** Reads {@code $'…'} (opening {@code $} consumed, at the quote): backslash escapes keep the escaped character. */
    private void ansiQuoted(int end, Builder b) {
        pos++;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '\'') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < end) {
                b.add(s.charAt(pos + 1), pos + 1);
                pos += 2;
            } else {
                b.add(c, pos++);
            }
        }
    }

    private void backquoted(int end, int depth, Builder b) {
        int i = pos + 1;
        while (i < end && s.charAt(i) != '`') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        int close = Math.min(i, end);
        if (depth < MAX_DEPTH) {
            ShellLexer inner = new ShellLexer(s, dockerContinuations);
            inner.pos = pos + 1;
            inner.commandList(close, false, depth + 1);
            out.addAll(inner.out);
        }
        pos = close < end ? close + 1 : end;
        b.standIn(COMMAND_OUTPUT);
    }

    /** Reads the commands of a substitution whose opening parenthesis was consumed, through its closing one. */
    private void substitution(int end, int depth) {
        if (depth < MAX_DEPTH) {
            commandList(end, true, depth + 1);
        } else {
            pos = matching(pos, end, '(', ')');
        }
    }

    /** The offset just after the {@code close} that balances an already opened {@code open}, or {@code end}. */
    private int matching(int from, int end, char open, char close) {
        int level = 1;
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == open) {
                level++;
            } else if (c == close && --level == 0) {
                return i + 1;
            }
            i++;
        }
        return end;
    }

    /** The first offset in {@code [from, end)} where {@code needle} lies wholly before {@code end}, or -1. */
    private int indexOf(String needle, int from, int end) {
        int last = end - needle.length();
        for (int i = from; i <= last; i++) {
            if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private ShellWord standIn(String name, int start, int end) {
        Builder b = new Builder();
        b.standIn(name);
        return b.build(start, end);
    }

    /** The variable a GitHub expression reads last, e.g. {@code PYPI_TOKEN} for {@code secrets.PYPI_TOKEN}. */
    private static String expressionName(String expression) {
        String e = expression.strip();
        int i = e.length();
        while (i > 0 && (isNameChar(e.charAt(i - 1)) || e.charAt(i - 1) == '-')) {
            i--;
        }
        String last = e.substring(i);
        return last.isEmpty() ? "EXPRESSION" : last;
    }

    /** The name a {@code ${…}} expansion reads: its leading name characters ({@code ${VERSION:-1.0}} reads VERSION). */
    private static String parameterName(String inside) {
        int i = 0;
        while (i < inside.length() && (inside.charAt(i) == '#' || inside.charAt(i) == '!')) {
            i++;
        }
        int start = i;
        while (i < inside.length() && isNameChar(inside.charAt(i))) {
            i++;
        }
        return i > start ? inside.substring(start, i) : "PARAMETER";
    }

    private static boolean isTerminator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '('
                || c == ')' || c == '<' || c == '>';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }

    /** Collects a word's value with the source offset of each character. */
    private static final class Builder {
        private final StringBuilder value = new StringBuilder();
        private int[] sources = new int[16];
        private boolean expanded;

        void add(char c, int source) {
            if (value.length() == sources.length) {
                sources = java.util.Arrays.copyOf(sources, sources.length * 2);
            }
            sources[value.length()] = source;
            value.append(c);
        }

        /** Appends {@code ${NAME}}, the name upper-cased and reduced to letters, digits and underscores. */
        void standIn(String name) {
            String n = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
            for (char c : ("${" + (n.isEmpty() ? "PARAMETER" : n) + "}").toCharArray()) {
                add(c, -1);
            }
            expanded = true;
        }

        ShellWord build(int start, int end) {
            return new ShellWord(value.toString(), java.util.Arrays.copyOf(sources, value.length()), start, end,
                    expanded);
        }
    }
}

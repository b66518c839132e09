package dev.veritensor.rules.ci.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small POSIX-shell (and bash) tokenizer and parser, enough for rules to see commands, their
 * words and how they are connected: quoting ({@code '…'}, {@code "…"}, {@code $'…'},
 * backslashes), line continuations, comments, {@code && || ; & |} and {@code |&}, subshell
 * parentheses, redirections with here-documents, command substitutions {@code $(…)} and
 * {@code `…`}, process substitutions {@code <(…)}, parameter and arithmetic expansions, and
 * GitHub's {@code ${{ … }}} placeholders as opaque expansions.
 *
 * <p>It never fails: unterminated quotes and substitutions end at the end of the text, and
 * substitutions nested deeper than {@link #MAX_DEPTH} are kept as text without being parsed. It
 * does not execute or expand anything. Thread-safe; {@link #parse(String)} is the entry point.
 */
public final class ShellParser {

    /** Deepest parsed nesting of substitutions. */
    public static final int MAX_DEPTH = 32;

    private enum End { EOF, PAREN, BACKTICK }

    private final String src;
    private final int n;
    private int pos;
    private int depth;

    private ShellParser(String src) {
        this.src = src;
        this.n = src.length();
    }

    /** Parses {@code text}. */
    public static ShellScript parse(String text) {
        return new ShellParser(text).list(End.EOF);
    }

    // ---- commands ----------------------------------------------------------------------------

    private final class CommandBuilder {
        final List<Word> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
        final List<RedirectBuilder> redirects = new ArrayList<>();
        int start = -1;
        int end;

        boolean isEmpty() {
            return start < 0;
        }

        void touch(int s, int e) {
            if (start < 0) {
                start = s;
            }
            end = Math.max(end, e);
        }

        SimpleCommand build() {
            List<Redirect> rs = new ArrayList<>();
            for (RedirectBuilder r : redirects) {
                rs.add(r.build());
            }
            return new SimpleCommand(assignments, words, rs, start, end);
        }
    }

    private static final class RedirectBuilder {
        final String operator;
        final Optional<Word> target;
        final int start;
        final int end;
        String body;

        RedirectBuilder(String operator, Optional<Word> target, int start, int end) {
            this.operator = operator;
            this.target = target;
            this.start = start;
            this.end = end;
        }

        Redirect build() {
            return new Redirect(operator, target, Optional.ofNullable(body), start, end);
        }
    }

    private ShellScript list(End end) {
        List<List<CommandBuilder>> pipelines = new ArrayList<>();
        List<CommandBuilder> pipe = new ArrayList<>();
        CommandBuilder cmd = new CommandBuilder();
        List<RedirectBuilder> pendingHeredocs = new ArrayList<>();
        int parens = 0;
        while (pos < n) {
            skipBlanks();
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            if (c == ')' && end == End.PAREN && parens == 0) {
                pos++;
                break;
            }
            if (c == '`' && end == End.BACKTICK) {
                pos++;
                break;
            }
            if (c == '#') {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '\n') {
                pos++;
                readHeredocs(pendingHeredocs);
                cmd = finishCommand(cmd, pipe);
                pipe = finishPipeline(pipe, pipelines);
                continue;
            }
            if (c == ';' || c == '&' && !startsWith("&>") || c == '(' || c == ')') {
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    parens = Math.max(0, parens - 1);
                }
                pos += startsWith("&&") || startsWith(";;") || startsWith(";&") ? 2 : 1;
                cmd = finishCommand(cmd, pipe);
                pipe = finishPipeline(pipe, pipelines);
                continue;
            }
            if (c == '|') {
                if (startsWith("||")) {
                    pos += 2;
                    cmd = finishCommand(cmd, pipe);
                    pipe = finishPipeline(pipe, pipelines);
                } else {
                    pos += startsWith("|&") ? 2 : 1;
                    cmd = finishCommand(cmd, pipe);
                }
                continue;
            }
            if (isRedirectStart()) {
                RedirectBuilder r = redirect(end);
                cmd.redirects.add(r);
                cmd.touch(r.start, r.end);
                if (r.operator.startsWith("<<") && !r.operator.equals("<<<")) {
                    pendingHeredocs.add(r);
                }
                continue;
            }
            int before = pos;
            Word w = word(end);
            if (pos == before) {
                // a character no rule above consumed: keep it as a one-character word
                pos++;
                w = new Word(src.substring(before, pos), before, pos, true, List.of());
            }
            if (cmd.words.isEmpty() && SimpleCommand.isAssignment(w) && isNameStart(src.charAt(w.start()))) {
                cmd.assignments.add(w);
            } else {
                cmd.words.add(w);
            }
            cmd.touch(w.start(), w.end());
        }
        finishCommand(cmd, pipe);
        finishPipeline(pipe, pipelines);
        List<Pipeline> out = new ArrayList<>();
        for (List<CommandBuilder> p : pipelines) {
            List<SimpleCommand> commands = new ArrayList<>();
            for (CommandBuilder b : p) {
                commands.add(b.build());
            }
            out.add(new Pipeline(commands, commands.get(0).start(), commands.get(commands.size() - 1).end()));
        }
        return new ShellScript(out);
    }

    private CommandBuilder finishCommand(CommandBuilder cmd, List<CommandBuilder> pipe) {
        if (cmd.isEmpty()) {
            return cmd;
        }
        pipe.add(cmd);
        return new CommandBuilder();
    }

    private List<CommandBuilder> finishPipeline(List<CommandBuilder> pipe, List<List<CommandBuilder>> pipelines) {
        if (pipe.isEmpty()) {
            return pipe;
        }
        pipelines.add(pipe);
        return new ArrayList<>();
    }

    // ---- redirections and here-documents ---------------------------------------------------------

    private boolean isRedirectStart() {
        int i = pos;
        while (i < n && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char c = src.charAt(i);
        if (c == '&' && i == pos) {
            return i + 1 < n && src.charAt(i + 1) == '>';
        }
        if (c != '<' && c != '>') {
            return false;
        }
        // <( and >( start process substitutions, which are words
        return !(i == pos && i + 1 < n && src.charAt(i + 1) == '(');
    }

    private static final String[] REDIRECT_OPERATORS = {
        "&>>", "&>", "<<<", "<<-", "<<", "<&", "<>", "<", ">>", ">|", ">&", ">"
    };

    private RedirectBuilder redirect(End end) {
        int start = pos;
        while (pos < n && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        String op = ">";
        for (String candidate : REDIRECT_OPERATORS) {
            if (startsWith(candidate)) {
                op = candidate;
                break;
            }
        }
        pos += Math.min(op.length(), n - pos);
        skipSpacesOnly();
        Optional<Word> target = Optional.empty();
        if (pos < n && !isWordEnd(src.charAt(pos), end)) {
            int before = pos;
            Word w = word(end);
            if (pos > before) {
                target = Optional.of(w);
            }
        }
        return new RedirectBuilder(op, target, start, pos);
    }

    /** After a line break: reads the bodies of the here-documents opened on the line just ended. */
    private void readHeredocs(List<RedirectBuilder> pending) {
        for (RedirectBuilder r : pending) {
            String delimiter = r.target.map(Word::text).orElse("");
            boolean stripTabs = r.operator.equals("<<-");
            StringBuilder body = new StringBuilder();
            while (pos < n) {
                int lineEnd = src.indexOf('\n', pos);
                if (lineEnd < 0) {
                    lineEnd = n;
                }
                String line = src.substring(pos, lineEnd);
                pos = Math.min(n, lineEnd + 1);
                String compared = stripTabs ? line.replaceFirst("^\t+", "") : line;
                if (compared.equals(delimiter)) {
                    break;
                }
                body.append(line).append('\n');
            }
            r.body = body.toString();
        }
        pending.clear();
    }

    // ---- words ---------------------------------------------------------------------------------

    private boolean isWordEnd(char c, End end) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>' || (c == '`' && end == End.BACKTICK);
    }

    private Word word(End end) {
        int start = pos;
        StringBuilder text = new StringBuilder();
        List<ShellScript> subs = new ArrayList<>();
        boolean literal = true;
        if (pos + 1 < n && (src.charAt(pos) == '<' || src.charAt(pos) == '>') && src.charAt(pos + 1) == '(') {
            pos += 2;
            substitution(End.PAREN, subs);
            text.append(src, start, pos);
            return new Word(text.toString(), start, pos, false, subs);
        }
        while (pos < n) {
            char c = src.charAt(pos);
            if (isWordEnd(c, end)) {
                break;
            }
            if (c == '\\') {
                if (pos + 1 < n) {
                    char next = src.charAt(pos + 1);
                    if (next != '\n') {
                        text.append(next);
                    }
                    pos += 2;
                } else {
                    pos++;
                }
            } else if (c == '\'') {
                int close = src.indexOf('\'', pos + 1);
                int stop = close < 0 ? n : close;
                text.append(src, pos + 1, stop);
                pos = close < 0 ? n : close + 1;
            } else if (c == '"') {
                pos++;
                literal &= doubleQuoted(text, subs);
            } else if (c == '$') {
                literal &= dollar(text, subs);
            } else if (c == '`') {
                int s = pos;
                pos++;
                substitution(End.BACKTICK, subs);
                text.append(src, s, pos);
                literal = false;
            } else {
                text.append(c);
                pos++;
            }
        }
        return new Word(text.toString(), start, pos, literal, subs);
    }

    /** Reads a double-quoted string after its opening quote; false when it contains an expansion. */
    private boolean doubleQuoted(StringBuilder text, List<ShellScript> subs) {
        boolean literal = true;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return literal;
            }
            if (c == '\\' && pos + 1 < n) {
                char next = src.charAt(pos + 1);
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    text.append(next);
                } else if (next != '\n') {
                    text.append(c).append(next);
                }
                pos += 2;
            } else if (c == '$') {
                literal &= dollar(text, subs);
            } else if (c == '`') {
                int s = pos;
                pos++;
                substitution(End.BACKTICK, subs);
                text.append(src, s, pos);
                literal = false;
            } else {
                text.append(c);
                pos++;
            }
        }
        return literal;
    }

    /** Reads what starts with {@code $}; false when it is an expansion. */
    private boolean dollar(StringBuilder text, List<ShellScript> subs) {
        int s = pos;
        if (startsWith("${{")) {
            int close = src.indexOf("}}", pos + 3);
            pos = close < 0 ? n : close + 2;
        } else if (startsWith("$((")) {
            pos = matching(pos + 3, '(', ')', 2);
        } else if (startsWith("$(")) {
            pos += 2;
            substitution(End.PAREN, subs);
        } else if (startsWith("${")) {
            pos = matching(pos + 2, '{', '}', 1);
        } else if (startsWith("$'")) {
            int i = pos + 2;
            while (i < n && src.charAt(i) != '\'') {
                i += src.charAt(i) == '\\' ? 2 : 1;
            }
            text.append(src, Math.min(n, pos + 2), Math.min(i, n));
            pos = Math.min(n, i + 1);
            return true;
        } else if (pos + 1 < n && isParameterChar(src.charAt(pos + 1))) {
            pos++;
            if (isNameStart(src.charAt(pos))) {
                while (pos < n && isNameChar(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos++;
            }
        } else {
            text.append('$');
            pos++;
            return true;
        }
        text.append(src, s, pos);
        return false;
    }

    /**
     * Parses a substitution body after its opening; deeper than {@link #MAX_DEPTH} it is skipped as
     * text up to the matching close.
     */
    private void substitution(End end, List<ShellScript> subs) {
        if (depth >= MAX_DEPTH) {
            if (end == End.PAREN) {
                pos = matching(pos, '(', ')', 1);
            } else {
                int close = src.indexOf('`', pos);
                pos = close < 0 ? n : close + 1;
            }
            return;
        }
        depth++;
        subs.add(list(end));
        depth--;
    }

    /** Offset just after the close that balances {@code open}s already {@code level} deep at {@code from}. */
    private int matching(int from, char open, char close, int level) {
        int d = level;
        int i = from;
        while (i < n && d > 0) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == open) {
                d++;
            } else if (c == close) {
                d--;
            }
            i++;
        }
        return Math.min(i, n);
    }

    // ---- characters ----------------------------------------------------------------------------

    private void skipBlanks() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < n && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '\\' && pos + 2 < n && src.charAt(pos + 1) == '\r' && src.charAt(pos + 2) == '\n') {
                pos += 3;
            } else {
                return;
            }
        }
    }

    private void skipSpacesOnly() {
        while (pos < n && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isParameterChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || "@*#?$!-".indexOf(c) >= 0;
    }
}

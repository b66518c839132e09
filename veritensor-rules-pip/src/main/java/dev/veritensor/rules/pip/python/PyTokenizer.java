package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Splits Python source into tokens the way CPython's tokenizer (3.12 and later) does, without
 * ever compiling or running it: names, numbers, strings with every prefix (raw, bytes, f- and
 * t-strings, triple quotes), f-string replacement fields tokenized as code (nested to any depth
 * PEP 701 allows, up to a fixed bound), comments, backslash continuations, brackets spanning lines,
 * and {@code INDENT}/{@code DEDENT} from indentation (tabs to multiples of eight, form feeds
 * resetting the column).
 *
 * <p>Anything Python would reject becomes an {@link PyTokenType#ERRORTOKEN} and tokenizing goes on,
 * so hostile input is read as far as it goes. Work is linear in the input; memory is the input plus
 * a few tokens of lookahead. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as in
 * {@link dev.veritensor.api.SourceText}, and columns count UTF-16 units from 1.
 *
 * <p>Not thread-safe: one tokenizer reads one text.
 */
public final class PyTokenizer implements Iterator<PyToken> {

    /** Deepest nesting of f-strings read as f-strings; deeper ones are read as plain literals. */
    static final int MAX_FSTRING_DEPTH = 32;

    private static final Set<String> OPS3 = Set.of("**=", "//=", ">>=", "<<=", "...");
    private static final Set<String> OPS2 = Set.of("->", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
            "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=");
    private static final String OPS1 = "()[]{}:,;+-*/|&<>=.%~^@!";

    private final String path;
    private final String src;
    private final int firstLine;
    private final int firstColumn;
    private final int[] lineStarts;
    private final ArrayDeque<PyToken> pending = new ArrayDeque<>();
    private final ArrayDeque<FString> fstrings = new ArrayDeque<>();
    private int[] indents = new int[16];
    private int indentDepth = 1; // indents[0] == 0
    private int pos;
    private int parenDepth;
    private boolean atLineStart = true;
    private boolean lineHasTokens;
    private boolean finished;

    /** The state of one open f-string: its quoting and the stack of its open replacement fields. */
    private static final class FString {
        final char quote;
        final boolean triple;
        final boolean raw;
        final int depthAtStart;
        /** Each open field: the bracket depth just inside its brace, and 1 once its format spec began. */
        final ArrayDeque<int[]> fields = new ArrayDeque<>();

        FString(char quote, boolean triple, boolean raw, int depthAtStart) {
            this.quote = quote;
            this.triple = triple;
            this.raw = raw;
            this.depthAtStart = depthAtStart;
        }

        boolean inExpression() {
            return !fields.isEmpty() && !inSpec();
        }

        boolean inSpec() {
            return !fields.isEmpty() && fields.peek()[1] == 1;
        }
    }

    private PyTokenizer(String path, String src, int firstLine, int firstColumn) {
        this.path = path;
        this.src = src;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
        this.lineStarts = lineStarts(src);
    }

    /** A tokenizer over a whole file's text, starting at line 1, column 1. */
    public static PyTokenizer of(String path, String code) {
        return new PyTokenizer(path, code, 1, 1);
    }

    /**
     * A tokenizer over a piece of a file that starts at {@code firstLine}:{@code firstColumn}
     * (1-based); locations are reported in the file's coordinates.
     */
    public static PyTokenizer of(String path, String code, int firstLine, int firstColumn) {
        if (firstLine < 1 || firstColumn < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + firstLine + ":" + firstColumn);
        }
        return new PyTokenizer(path, code, firstLine, firstColumn);
    }

    /** Every token of {@code code}, up to and including the end marker. */
    public static List<PyToken> tokenize(String path, String code) {
        List<PyToken> out = new ArrayList<>();
        PyTokenizer t = of(path, code);
        while (t.hasNext()) {
            out.add(t.next());
        }
        return out;
    }

    private static int[] lineStarts(String s) {
        int count = 1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty() || !finished;
    }

    @Override
    public PyToken next() {
        while (pending.isEmpty()) {
            if (finished) {
                throw new NoSuchElementException();
            }
            advance();
        }
        return pending.poll();
    }

    // ---- positions -----------------------------------------------------------------------------

    private int lineIndex(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Line and column of {@code offset}; an offset past a final line break maps to that line's end. */
    private long position(int offset) {
        int li = lineIndex(offset);
        if (li > 0 && lineStarts[li] >= src.length()) {
            li--;
            offset = lineEnd(li);
        }
        int column = offset - lineStarts[li] + 1 + (li == 0 ? firstColumn - 1 : 0);
        return ((long) (li + firstLine) << 32) | column;
    }

    private int lineEnd(int li) {
        int end = li + 1 < lineStarts.length ? lineStarts[li + 1] : src.length();
        while (end > lineStarts[li] && (src.charAt(end - 1) == '\n' || src.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private Location location(int start, int end) {
        long s = position(start);
        long e = position(Math.max(start, end));
        return new Location(path, (int) (s >>> 32), (int) s, (int) (e >>> 32), (int) e);
    }

    private void emit(PyTokenType type, int start, int end, String value) {
        String text = src.substring(start, end);
        pending.add(new PyToken(type, text, value == null ? text : value, location(start, end)));
        if (type != PyTokenType.NL && type != PyTokenType.NEWLINE && type != PyTokenType.COMMENT
                && type != PyTokenType.INDENT && type != PyTokenType.DEDENT) {
            lineHasTokens = true;
        }
    }

    // ---- main loop -----------------------------------------------------------------------------

    private void advance() {
        FString f = fstrings.peek();
        if (f != null && !f.inExpression()) {
            literalPart(f);
            return;
        }
        if (atLineStart && parenDepth == 0 && f == null) {
            atLineStart = false;
            if (indentation()) {
                return;
            }
        }
        skipBlanks();
        if (pos >= src.length()) {
            end();
            return;
        }
        int start = pos;
        char c = src.charAt(pos);
        if (c == '#') {
            int e = pos;
            while (e < src.length() && src.charAt(e) != '\n' && src.charAt(e) != '\r') {
                e++;
            }
            pos = e;
            emit(PyTokenType.COMMENT, start, e, null);
        } else if (c == '\n' || c == '\r') {
            pos += c == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n' ? 2 : 1;
            boolean logical = parenDepth == 0 && lineHasTokens;
            pending.add(new PyToken(logical ? PyTokenType.NEWLINE : PyTokenType.NL, src.substring(start, pos),
                    src.substring(start, pos), location(start, start)));
            lineHasTokens = false;
            atLineStart = parenDepth == 0;
        } else if (c == '\\') {
            int after = pos + 1;
            if (after < src.length() && (src.charAt(after) == '\n' || src.charAt(after) == '\r')) {
                pos = after + (src.charAt(after) == '\r' && after + 1 < src.length() && src.charAt(after + 1) == '\n'
                        ? 2 : 1);
            } else {
                pos = after;
                emit(PyTokenType.ERRORTOKEN, start, pos, null);
            }
        } else if (isIdentifierStart(src.codePointAt(pos))) {
            nameOrString();
        } else if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            number();
        } else if (c == '"' || c == '\'') {
            string(pos, pos);
        } else {
            operator(f);
        }
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Measures the indentation of a new logical line; returns whether tokens were produced. */
    private boolean indentation() {
        int start = pos;
        int column = 0;
        int i = pos;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == ' ') {
                column++;
            } else if (c == '\t') {
                column = (column / 8 + 1) * 8;
            } else if (c == '\f') {
                column = 0;
            } else {
                break;
            }
            i++;
        }
        if (i >= src.length() || src.charAt(i) == '#' || src.charAt(i) == '\n' || src.charAt(i) == '\r') {
            return false; // blank or comment-only lines leave the indentation alone
        }
        pos = i;
        int top = indents[indentDepth - 1];
        if (column > top) {
            if (indentDepth == indents.length) {
                indents = java.util.Arrays.copyOf(indents, indentDepth * 2);
            }
            indents[indentDepth++] = column;
            pending.add(new PyToken(PyTokenType.INDENT, src.substring(start, i), "", location(start, i)));
            return true;
        }
        if (column < top) {
            while (indentDepth > 1 && indents[indentDepth - 1] > column) {
                indentDepth--;
                pending.add(new PyToken(PyTokenType.DEDENT, "", "", location(i, i)));
            }
            if (indents[indentDepth - 1] != column) {
                // Python raises IndentationError; keep going at the new column
                indents[indentDepth++] = column;
                pending.add(new PyToken(PyTokenType.ERRORTOKEN, src.substring(start, i), "inconsistent dedent",
                        location(start, i)));
            }
            return true;
        }
        return false;
    }

    private void end() {
        if (!fstrings.isEmpty()) {
            pending.add(new PyToken(PyTokenType.ERRORTOKEN, "", "unterminated f-string", location(pos, pos)));
            fstrings.clear();
        }
        if (lineHasTokens) {
            pending.add(new PyToken(PyTokenType.NEWLINE, "", "", location(pos, pos)));
            lineHasTokens = false;
        }
        while (indentDepth > 1) {
            indentDepth--;
            pending.add(new PyToken(PyTokenType.DEDENT, "", "", location(pos, pos)));
        }
        pending.add(new PyToken(PyTokenType.ENDMARKER, "", "", location(pos, pos)));
        finished = true;
    }

    // ---- names, numbers, operators -------------------------------------------------------------

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(int cp) {
        return cp == '_' || (cp < 128 ? Character.isLetter(cp) : Character.isUnicodeIdentifierStart(cp));
    }

    private static boolean isIdentifierPart(int cp) {
        if (cp < 128) {
            return cp == '_' || Character.isLetterOrDigit(cp);
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    private void nameOrString() {
        int start = pos;
        int i = pos;
        while (i < src.length()) {
            int cp = src.codePointAt(i);
            if (!isIdentifierPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i - start <= 2 && i < src.length() && (src.charAt(i) == '"' || src.charAt(i) == '\'')
                && PyLiterals.isPrefix(src.substring(start, i))) {
            string(start, i);
            return;
        }
        pos = i;
        String text = src.substring(start, i);
        boolean ascii = text.chars().allMatch(ch -> ch < 128);
        emit(PyTokenType.NAME, start, i, ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    private void number() {
        int start = pos;
        int i = pos;
        boolean hex = src.startsWith("0x", i) || src.startsWith("0X", i);
        if (hex || src.startsWith("0o", i) || src.startsWith("0O", i) || src.startsWith("0b", i)
                || src.startsWith("0B", i)) {
            i += 2;
        }
        while (i < src.length()) {
            char c = src.charAt(i);
            char next = i + 1 < src.length() ? src.charAt(i + 1) : ' ';
            if (isDigit(c) || c == '_' || (hex && Character.digit(c, 16) >= 0)) {
                i++;
            } else if (!hex && c == '.') {
                i++;
            } else if (!hex && (c == 'e' || c == 'E') && (isDigit(next) || next == '+' || next == '-')) {
                i += isDigit(next) ? 1 : 2;
            } else if (!hex && (c == 'j' || c == 'J')) {
                i++;
                break;
            } else {
                break;
            }
        }
        pos = i;
        emit(PyTokenType.NUMBER, start, i, null);
    }

    private void operator(FString f) {
        int start = pos;
        char c = src.charAt(pos);
        if (f != null && f.inExpression()) {
            int[] field = f.fields.peek();
            if (parenDepth == field[0] && c == '}') {
                pos++;
                parenDepth--;
                f.fields.pop();
                emit(PyTokenType.OP, start, pos, null);
                return;
            }
            if (parenDepth == field[0] && c == ':' && !src.startsWith(":=", pos)) {
                pos++;
                field[1] = 1;
                emit(PyTokenType.OP, start, pos, null);
                return;
            }
            if (parenDepth == field[0] && (c == ')' || c == ']')) {
                pos++;
                emit(PyTokenType.ERRORTOKEN, start, pos, null); // would close the field's brace
                return;
            }
        }
        String op = null;
        if (pos + 3 <= src.length() && OPS3.contains(src.substring(pos, pos + 3))) {
            op = src.substring(pos, pos + 3);
        } else if (pos + 2 <= src.length() && OPS2.contains(src.substring(pos, pos + 2))) {
            op = src.substring(pos, pos + 2);
        } else if (OPS1.indexOf(c) >= 0) {
            op = String.valueOf(c);
        }
        if (op == null) {
            pos += Character.charCount(src.codePointAt(pos));
            emit(PyTokenType.ERRORTOKEN, start, pos, null);
            return;
        }
        pos += op.length();
        if (op.equals("(") || op.equals("[") || op.equals("{")) {
            parenDepth++;
        } else if ((op.equals(")") || op.equals("]") || op.equals("}")) && parenDepth > 0) {
            parenDepth--;
        }
        emit(PyTokenType.OP, start, pos, null);
    }

    // ---- strings -------------------------------------------------------------------------------

    /** A string literal whose prefix starts at {@code start} and whose opening quote is at {@code quoteAt}. */
    private void string(int start, int quoteAt) {
        String prefix = src.substring(start, quoteAt);
        char quote = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), quoteAt);
        int bodyStart = quoteAt + (triple ? 3 : 1);
        if (PyLiterals.isFormatted(prefix) && fstrings.size() < MAX_FSTRING_DEPTH) {
            fstrings.push(new FString(quote, triple, PyLiterals.isRaw(prefix), parenDepth));
            pos = bodyStart;
            emit(PyTokenType.FSTRING_START, start, bodyStart, null);
            return;
        }
        int i = bodyStart;
        while (true) {
            if (i >= src.length()) {
                unterminated(start, triple);
                return;
            }
            char c = src.charAt(i);
            if (c == '\\') {
                i += i + 1 < src.length() && src.charAt(i + 1) == '\r' && i + 2 < src.length()
                        && src.charAt(i + 2) == '\n' ? 3 : 2;
                continue;
            }
            if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), i))) {
                int end = i + (triple ? 3 : 1);
                pos = end;
                String body = src.substring(bodyStart, Math.min(i, src.length()));
                emit(PyTokenType.STRING, start, end,
                        PyLiterals.decode(body, PyLiterals.isRaw(prefix), PyLiterals.isBytes(prefix)));
                return;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                unterminated(start, false);
                return;
            }
            i++;
        }
    }

    private void unterminated(int start, boolean triple) {
        int end = start;
        if (triple) {
            end = src.length();
        } else {
            while (end < src.length() && src.charAt(end) != '\n' && src.charAt(end) != '\r') {
                end++;
            }
        }
        pos = end;
        emit(PyTokenType.ERRORTOKEN, start, end, "unterminated string");
    }

    /** Reads the literal text of an f-string (or of a format spec) up to a field, a spec end or the closing quote. */
    private void literalPart(FString f) {
        boolean spec = f.inSpec();
        int start = pos;
        StringBuilder raw = new StringBuilder();
        int i = pos;
        String closing = f.triple ? String.valueOf(f.quote).repeat(3) : String.valueOf(f.quote);
        while (true) {
            if (i >= src.length()) {
                middle(start, i, raw, f);
                pos = i;
                closeFString(f);
                pending.add(new PyToken(PyTokenType.ERRORTOKEN, "", "unterminated f-string", location(i, i)));
                return;
            }
            char c = src.charAt(i);
            if (src.startsWith(closing, i)) {
                middle(start, i, raw, f);
                closeFString(f);
                pos = i + closing.length();
                emit(PyTokenType.FSTRING_END, i, pos, null);
                return;
            }
            if (!f.triple && (c == '\n' || c == '\r')) {
                middle(start, i, raw, f);
                pos = i;
                closeFString(f);
                pending.add(new PyToken(PyTokenType.ERRORTOKEN, "", "unterminated f-string", location(i, i)));
                return;
            }
            if (c == '\\') {
                int skip = escapeLength(f, i);
                raw.append(src, i, i + skip);
                i += skip;
                continue;
            }
            if (c == '{' && !spec && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                raw.append('{');
                i += 2;
                continue;
            }
            if (c == '}' && !spec && i + 1 < src.length() && src.charAt(i + 1) == '}') {
                raw.append('}');
                i += 2;
                continue;
            }
            if (c == '{') {
                middle(start, i, raw, f);
                pos = i + 1;
                parenDepth++;
                f.fields.push(new int[] {parenDepth, 0});
                emit(PyTokenType.OP, i, pos, null);
                return;
            }
            if (c == '}' && spec) {
                middle(start, i, raw, f);
                pos = i + 1;
                parenDepth--;
                f.fields.pop();
                emit(PyTokenType.OP, i, pos, null);
                return;
            }
            raw.append(c);
            i++;
        }
    }

    /** Length of the escape at {@code i} (a backslash) inside an f-string's literal text. */
    private int escapeLength(FString f, int i) {
        if (i + 1 >= src.length()) {
            return 1;
        }
        char next = src.charAt(i + 1);
        if (f.raw) {
            return next == f.quote || next == '\\' ? 2 : 1;
        }
        if (next == 'N' && i + 2 < src.length() && src.charAt(i + 2) == '{') {
            int close = src.indexOf('}', i + 3);
            int lineBreak = nextLineBreak(i + 3);
            return close > 0 && close < lineBreak ? close + 1 - i : 2;
        }
        if (next == '\r' && i + 2 < src.length() && src.charAt(i + 2) == '\n') {
            return 3;
        }
        return 2;
    }

    private int nextLineBreak(int from) {
        for (int k = from; k < src.length(); k++) {
            char c = src.charAt(k);
            if (c == '\n' || c == '\r') {
                return k;
            }
        }
        return src.length();
    }

    private void middle(int start, int end, StringBuilder raw, FString f) {
        if (end > start) {
            emit(PyTokenType.FSTRING_MIDDLE, start, end, PyLiterals.decode(raw.toString(), f.raw, false));
        }
    }

    private void closeFString(FString f) {
        fstrings.pop();
        parenDepth = f.depthAtStart;
    }
}

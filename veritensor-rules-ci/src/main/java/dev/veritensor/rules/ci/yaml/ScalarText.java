package dev.veritensor.rules.ci.yaml;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ScalarNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A YAML scalar's value with the position in the file of each of its characters, for exact
 * locations inside values: an expression inside a folded {@code run:} block, the ref of a
 * {@code uses:} value, a script line of a plain multi-line scalar.
 *
 * <p>The positions come from aligning the value with the scalar's source text: block scalars from
 * the line after their indicator, quoted scalars inside their quotes with escapes ({@code \x},
 * {@code ''}) decoded, plain scalars as written. Characters that match are placed exactly; runs of
 * blanks and line breaks, which YAML folds, are aligned newline to newline and blank to blank from
 * the end of each line, so indentation and folding fall out. Where the value and the source
 * disagree in a way folding cannot explain, the remaining characters have no position and spans
 * touching them fall back to the whole scalar's location.
 */
public final class ScalarText {

    private static final int UNKNOWN = -1;

    private final ScalarNode node;
    private final SourceText text;
    private final String value;
    private final int[] offsets;

    private ScalarText(ScalarNode node, SourceText text, int[] offsets) {
        this.node = node;
        this.text = text;
        this.value = node.value();
        this.offsets = offsets;
    }

    /** Aligns {@code node}'s value with {@code text}, the source it was parsed from. */
    public static ScalarText of(ScalarNode node, SourceText text) {
        String v = node.value();
        int[] offsets = new int[v.length()];
        Arrays.fill(offsets, UNKNOWN);
        Location loc = node.location();
        if (loc.startLine() <= text.lineCount() && !v.isEmpty()) {
            Decoded source = decode(node, text);
            if (source != null) {
                align(v, source, offsets);
            }
        }
        return new ScalarText(node, text, offsets);
    }

    /** The scalar's value. */
    public String value() {
        return value;
    }

    /** The scalar node. */
    public ScalarNode node() {
        return node;
    }

    /** Location of the whole scalar. */
    public Location location() {
        return node.location();
    }

    /**
     * The file span of value characters {@code [from, to)}; the whole scalar's location when the
     * positions of its first and last character are not known.
     */
    public Location span(int from, int to) {
        if (from < 0 || to > value.length() || to < from) {
            return node.location();
        }
        if (to == from) {
            if (from < value.length() && offsets[from] != UNKNOWN) {
                return text.span(offsets[from], offsets[from]);
            }
            return node.location();
        }
        int a = offsets[from];
        int b = offsets[to - 1];
        if (a == UNKNOWN || b == UNKNOWN || b < a) {
            return node.location();
        }
        return text.span(a, b + 1);
    }

    /**
     * The value's lines as script lines mapped into the file. A value ending in a line break
     * does not get an empty last line; an empty value has no lines.
     *
     * <p>A value line that YAML folded together from several file lines (folded and plain
     * multi-line scalars, quoted scalars over several lines) becomes one script line per file
     * line, each but the last ending in a backslash: the shell reads the continuation as the one
     * command YAML made of them, and every word keeps the line it is written on (unless the line
     * holds a {@code #}, see {@link #addSegments}). A line is
     * verbatim when its characters stand consecutively and unescaped on one file line.
     */
    public List<Script.Line> lines() {
        List<Script.Line> out = new ArrayList<>();
        int n = value.length();
        int lineStart = 0;
        while (lineStart < n) {
            int nl = value.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? n : nl;
            if (lineStart == lineEnd) {
                out.add(emptyLine(lineEnd));
            } else {
                addSegments(lineStart, lineEnd, out);
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    private Script.Line emptyLine(int at) {
        int nl = at < value.length() ? offsets[at] : UNKNOWN;
        Location where = nl != UNKNOWN ? text.span(nl, nl) : node.location();
        return new Script.Line("", where, nl != UNKNOWN);
    }

    /**
     * Splits value characters {@code [from, to)} where their file line changes. A line holding
     * {@code #} stays whole: a shell comment on one of its parts would end at the added line
     * break and no longer hide the parts after it, as it does in the folded value.
     */
    private void addSegments(int from, int to, List<Script.Line> out) {
        if (value.substring(from, to).indexOf('#') >= 0) {
            out.add(segment(from, to, false));
            return;
        }
        int firstKnown = from;
        while (firstKnown < to && offsets[firstKnown] == UNKNOWN) {
            firstKnown++;
        }
        int lastKnown = to - 1;
        while (lastKnown > firstKnown && offsets[lastKnown] == UNKNOWN) {
            lastKnown--;
        }
        if (firstKnown >= to || text.lineAt(offsets[firstKnown]) == text.lineAt(offsets[lastKnown])) {
            out.add(segment(from, to, false));
            return;
        }
        int segmentStart = from;
        int lastLine = -1;
        for (int i = from; i < to; i++) {
            if (offsets[i] == UNKNOWN) {
                continue;
            }
            int line = text.lineAt(offsets[i]);
            if (lastLine != -1 && line != lastLine && !isBlank(value.charAt(i))) {
                out.add(segment(segmentStart, i, true));
                segmentStart = i;
            }
            if (!isBlank(value.charAt(i))) {
                lastLine = line;
            }
        }
        out.add(segment(segmentStart, to, false));
    }

    /** One script line of value characters {@code [from, to)}, continued by a backslash when {@code continued}. */
    private Script.Line segment(int from, int to, boolean continued) {
        String lineText = value.substring(from, to) + (continued ? "\\" : "");
        boolean consecutive = !continued;
        int first = UNKNOWN;
        int last = UNKNOWN;
        for (int i = from; i < to; i++) {
            int o = offsets[i];
            if (o == UNKNOWN) {
                consecutive = false;
                continue;
            }
            if (first == UNKNOWN) {
                first = o;
            } else if (o != last + 1) {
                consecutive = false;
            }
            if (text.content().charAt(o) != value.charAt(i)) {
                consecutive = false;
            }
            last = Math.max(last, o);
        }
        if (first == UNKNOWN) {
            return new Script.Line(lineText, node.location(), false);
        }
        if (consecutive && offsets[from] != UNKNOWN && offsets[to - 1] != UNKNOWN) {
            return new Script.Line(lineText, text.span(offsets[from], offsets[to - 1] + 1), true);
        }
        return new Script.Line(lineText, text.span(first, last + 1), false);
    }

    /** The source text a value is read from, escapes decoded, each character with its offset. */
    private record Decoded(char[] chars, int[] origins, int length) {
    }

    private static Decoded decode(ScalarNode node, SourceText text) {
        Location loc = node.location();
        String content = text.content();
        int start = offset(text, loc.startLine(), loc.startColumn());
        int end = loc.endLine() <= text.lineCount() ? offset(text, loc.endLine(), loc.endColumn()) : content.length();
        end = Math.min(end, content.length());
        switch (node.style()) {
            case LITERAL, FOLDED -> {
                if (loc.startLine() >= text.lineCount()) {
                    return null;
                }
                start = text.lineStart(loc.startLine() + 1);
                end = Math.max(end, start);
                // the location ends at the last non-blank character; kept trailing blank lines follow
                while (end < content.length() && isBlank(content.charAt(end))) {
                    end++;
                }
                return raw(content, start, end);
            }
            case DOUBLE_QUOTED -> {
                return doubleQuoted(content, start + 1, Math.max(start + 1, end - 1));
            }
            case SINGLE_QUOTED -> {
                return singleQuoted(content, start + 1, Math.max(start + 1, end - 1));
            }
            default -> {
                return raw(content, start, Math.max(start, end));
            }
        }
    }

    private static int offset(SourceText text, int line, int column) {
        int lineStart = text.lineStart(line);
        int lineLength = text.line(line).length();
        return lineStart + Math.min(column - 1, lineLength);
    }

    private static Decoded raw(String content, int start, int end) {
        int n = end - start;
        char[] chars = new char[n];
        int[] origins = new int[n];
        for (int i = 0; i < n; i++) {
            chars[i] = content.charAt(start + i);
            origins[i] = start + i;
        }
        return new Decoded(chars, origins, n);
    }

    private static Decoded singleQuoted(String content, int start, int end) {
        char[] chars = new char[end - start];
        int[] origins = new int[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            chars[n] = c;
            origins[n++] = i;
            if (c == '\'' && i + 1 < end && content.charAt(i + 1) == '\'') {
                i++;
            }
        }
        return new Decoded(chars, origins, n);
    }

    private static Decoded doubleQuoted(String content, int start, int end) {
        char[] chars = new char[(end - start) * 2 + 2];
        int[] origins = new int[chars.length];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                chars[n] = c;
                origins[n++] = i;
                continue;
            }
            char e = content.charAt(i + 1);
            int hexDigits = switch (e) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (e == '\n' || e == '\r') {
                i++;
                if (e == '\r' && i + 1 < end && content.charAt(i + 1) == '\n') {
                    i++;
                }
                continue;
            }
            if (hexDigits > 0) {
                int cpEnd = Math.min(end, i + 2 + hexDigits);
                int cp;
                try {
                    cp = Integer.parseInt(content.substring(i + 2, cpEnd), 16);
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                if (cp >= 0 && Character.isValidCodePoint(cp)) {
                    for (char d : Character.toChars(cp)) {
                        chars[n] = d;
                        origins[n++] = i;
                    }
                }
                i = cpEnd - 1;
                continue;
            }
            chars[n] = switch (e) {
                case '0' -> '\0';
                case 'a' -> '\u0007';
                case 'b' -> '\b';
                case 't', '\t' -> '\t';
                case 'n' -> '\n';
                case 'v' -> '\u000B';
                case 'f' -> '\f';
                case 'r' -> '\r';
                case 'e' -> '\u001B';
                case 'N' -> '\u0085';
                case '_' -> '\u00A0';
                case 'L' -> '\u2028';
                case 'P' -> '\u2029';
                default -> e;
            };
            origins[n++] = i;
            i++;
        }
        return new Decoded(chars, origins, n);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static void align(String v, Decoded s, int[] offsets) {
        int i = 0;
        int j = 0;
        int vn = v.length();
        int sn = s.length();
        while (i < vn && j < sn) {
            char c = v.charAt(i);
            char d = s.chars[j];
            if (isBlank(c)) {
                int vEnd = i;
                while (vEnd < vn && isBlank(v.charAt(vEnd))) {
                    vEnd++;
                }
                if (isBlank(d)) {
                    int sEnd = j;
                    while (sEnd < sn && isBlank(s.chars[sEnd])) {
                        sEnd++;
                    }
                    alignBlankRuns(v, i, vEnd, s, j, sEnd, offsets);
                    j = sEnd;
                }
                i = vEnd;
            } else if (c == d) {
                offsets[i++] = s.origins[j++];
            } else if (isBlank(d)) {
                j++;
            } else {
                return;
            }
        }
    }

    /**
     * Aligns a run of blanks and line breaks of the value with one of the source: the value's
     * line breaks with the source's last ones (its first ones at the end of the value, where
     * chomping drops breaks), each following segment from its end (indentation is what YAML
     * strips), the segment before the first break from its start.
     */
    private static void alignBlankRuns(String v, int va, int vb, Decoded s, int sa, int sb, int[] offsets) {
        List<Integer> vBreaks = new ArrayList<>();
        for (int k = va; k < vb; k++) {
            if (v.charAt(k) == '\n') {
                vBreaks.add(k);
            }
        }
        List<Integer> sBreaks = new ArrayList<>();
        for (int k = sa; k < sb; k++) {
            if (s.chars[k] == '\n') {
                sBreaks.add(k);
            }
        }
        if (vBreaks.isEmpty()) {
            if (sBreaks.isEmpty()) {
                alignFromEnd(va, vb, s, sa, sb, offsets);
            }
            return;
        }
        int pairs = Math.min(vBreaks.size(), sBreaks.size());
        // folding drops the first of several breaks, chomping drops the last ones at the value's end
        boolean atEnd = vb == v.length();
        int vFirst = atEnd ? 0 : vBreaks.size() - pairs;
        int sFirst = atEnd ? 0 : sBreaks.size() - pairs;
        if (vFirst == 0 && sFirst == 0) {
            alignFromStart(va, vBreaks.get(0), s, sa, sBreaks.get(0), offsets);
        }
        for (int p = 0; p < pairs; p++) {
            int vBreak = vBreaks.get(vFirst + p);
            int sBreak = sBreaks.get(sFirst + p);
            offsets[vBreak] = s.origins[sBreak];
            int vSegEnd = vFirst + p + 1 < vBreaks.size() ? vBreaks.get(vFirst + p + 1) : vb;
            int sSegEnd = sFirst + p + 1 < sBreaks.size() ? sBreaks.get(sFirst + p + 1) : sb;
            alignFromEnd(vBreak + 1, vSegEnd, s, sBreak + 1, sSegEnd, offsets);
        }
    }

    private static void alignFromEnd(int va, int vb, Decoded s, int sa, int sb, int[] offsets) {
        int n = Math.min(vb - va, sb - sa);
        for (int k = 1; k <= n; k++) {
            offsets[vb - k] = s.origins[sb - k];
        }
    }

    private static void alignFromStart(int va, int vb, Decoded s, int sa, int sb, int[] offsets) {
        int n = Math.min(vb - va, sb - sa);
        for (int k = 0; k < n; k++) {
            offsets[va + k] = s.origins[sa + k];
        }
    }
}

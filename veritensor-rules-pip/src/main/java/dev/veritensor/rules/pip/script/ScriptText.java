package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.rules.pip.model.TextOrigin;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link Script}'s lines joined into one text ({@code \n} between lines, as {@link Script#text()}
 * joins them), with the way back from an offset of that text to the file: exact columns on
 * verbatim lines, the whole line's location on the others.
 */
final class ScriptText {

    private final String path;
    private final String content;
    private final List<Script.Line> lines;
    private final int[] starts;

    private ScriptText(String path, String content, List<Script.Line> lines, int[] starts) {
        this.path = path;
        this.content = content;
        this.lines = lines;
        this.starts = starts;
    }

    /** The text of {@code script}. */
    static ScriptText of(Script script) {
        List<Script.Line> lines = script.lines();
        int[] starts = new int[lines.size()];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            starts[i] = sb.length();
            sb.append(lines.get(i).text());
        }
        return new ScriptText(script.location().path(), sb.toString(), lines, starts);
    }

    /** The joined text. */
    String content() {
        return content;
    }

    /** Index of the script line holding offset {@code offset} (a line's terminating {@code \n} belongs to it). */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return Math.max(0, i >= 0 ? i : -i - 2);
    }

    /** Whether the script line holding {@code offset} maps columns one to one. */
    boolean verbatimAt(int offset) {
        return lines.isEmpty() || lines.get(lineOf(offset)).verbatim();
    }

    /**
     * The file location of the characters {@code [start, end)}: exact where both ends lie on
     * verbatim lines, else widened to the whole line at an end whose columns are unknown.
     */
    Location span(int start, int end) {
        if (lines.isEmpty()) {
            return Location.ofFile(path);
        }
        int from = Math.max(0, Math.min(start, content.length()));
        int to = Math.max(from, Math.min(end, content.length()));
        int first = lineOf(from);
        int last = to > from ? lineOf(to - 1) : first;
        Script.Line a = lines.get(first);
        Script.Line b = lines.get(last);
        if (first == last) {
            int lineEnd = a.text().length();
            return a.locate(Math.min(from - starts[first], lineEnd), Math.min(to - starts[first], lineEnd));
        }
        Location s = a.verbatim() ? a.locate(Math.min(from - starts[first], a.text().length()), a.text().length())
                : a.location();
        Location e = b.verbatim() ? b.locate(0, Math.min(to - starts[last], b.text().length())) : b.location();
        if (e.endLine() < s.startLine() || e.endLine() == s.startLine() && e.endColumn() < s.startColumn()) {
            return s;
        }
        return new Location(path, s.startLine(), s.startColumn(), e.endLine(), e.endColumn());
    }

    /**
     * Where a word's value sits in the file: {@code sources[i]} is the offset in this text of the
     * value's character {@code i}, or {@code -1} for a character the script does not spell (an
     * expansion written differently). Characters on verbatim lines map to exact columns; anything
     * else (a stand-in, a line break, a line whose columns are unknown) makes every span of the
     * value the word's whole location ({@code [rawStart, rawEnd)}).
     */
    TextOrigin origin(int[] sources, int rawStart, int rawEnd) {
        if (sources.length == 0) {
            return TextOrigin.within(span(rawStart, rawEnd));
        }
        TextOrigin.Builder builder = TextOrigin.builder(path);
        int previous = -2;
        int previousLine = -1;
        for (int i = 0; i < sources.length; i++) {
            int src = sources[i];
            if (src < 0 || src >= content.length()) {
                return TextOrigin.within(span(rawStart, rawEnd));
            }
            int line = lineOf(src);
            Script.Line l = lines.get(line);
            if (!l.verbatim() || src - starts[line] >= l.text().length()) {
                // columns unknown, or the line break between two script lines (a quoted newline)
                return TextOrigin.within(span(rawStart, rawEnd));
            }
            if (src != previous + 1 || line != previousLine) {
                Location at = l.locate(src - starts[line], src - starts[line]);
                builder.piece(i, at.startLine(), at.startColumn());
            }
            previous = src;
            previousLine = line;
        }
        return builder.build();
    }
}

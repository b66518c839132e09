package dev.veritensor.core.format;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;

import java.util.Arrays;

/**
 * Location arithmetic over one {@link SourceText}, shared by the TOML, YAML and JSON converters:
 * turns the positions the parsing libraries report (1-based line and column, or code point
 * indexes) into offsets of {@link SourceText#content()}, and offsets into {@link Location}s.
 *
 * <p>The libraries count columns and indexes in Unicode code points while {@link Location} counts
 * UTF-16 code units; the two differ after a character outside the Basic Multilingual Plane. The
 * offsets of such characters are kept in one sorted array, so every conversion is a binary
 * search, whatever the length of a line. Every method clamps out-of-range input to the text, so
 * a position reported past the end of a line or of the text still yields a valid location.
 */
final class TextSpans {

    private final SourceText text;
    private final String content;
    /** Content offsets of the high surrogates that start a surrogate pair, ascending. */
    private final int[] pairs;

    TextSpans(SourceText text) {
        this.text = text;
        this.content = text.content();
        int[] found = new int[0];
        int count = 0;
        for (int i = 0; i + 1 < content.length(); i++) {
            if (Character.isHighSurrogate(content.charAt(i)) && Character.isLowSurrogate(content.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = i;
                i++;
            }
        }
        this.pairs = Arrays.copyOf(found, count);
    }

    /** Scan path of the text. */
    String path() {
        return text.path();
    }

    /** The decoded content. */
    String content() {
        return content;
    }

    /** Length of the content in UTF-16 code units. */
    int length() {
        return content.length();
    }

    /** The character at {@code offset}, or {@code 0} outside the content. */
    char charAt(int offset) {
        return offset >= 0 && offset < content.length() ? content.charAt(offset) : 0;
    }

    /**
     * The location of content offsets {@code [start, end)}, clamped to the content. An offset
     * between the two characters of a CRLF line break, or after a line break that ends the text
     * (where {@link SourceText} has no further line), counts as the line break's start.
     */
    Location span(int start, int end) {
        int s = atLineBreakStart(clamp(start));
        return text.span(s, Math.max(s, atLineBreakStart(clamp(end))));
    }

    /** A one-character location at {@code offset}, or an empty one at a line end or the end of text. */
    Location pointAt(int offset) {
        int s = clamp(offset);
        boolean lineBreakOrEnd = s == content.length() || content.charAt(s) == '\n' || content.charAt(s) == '\r';
        return span(s, lineBreakOrEnd ? s : s + Character.charCount(content.codePointAt(s)));
    }

    /** A one-character location at a 1-based line and code point column, as parsers report errors. */
    Location point(int line, int codePointColumn) {
        return pointAt(offset(line, codePointColumn));
    }

    /**
     * Content offset of a 1-based line and 1-based code point column; a column past the end of
     * the line gives the line end, a line past the end of the text gives the text end.
     */
    int offset(int line, int codePointColumn) {
        if (line < 1) {
            return 0;
        }
        if (line > text.lineCount()) {
            return content.length();
        }
        int lineStart = text.lineStart(line);
        int lineEnd = lineStart + text.line(line).length();
        int lineStartIndex = lineStart - pairsBefore(lineStart);
        return Math.min(lineEnd, offsetOfCodePoint(lineStartIndex + Math.max(0, codePointColumn - 1)));
    }

    /** Content offset where {@code location} starts. */
    int startOf(Location location) {
        return clamp(text.lineStart(location.startLine()) + location.startColumn() - 1);
    }

    /** Content offset of the code point with the given 0-based index in the content. */
    int offsetOfCodePoint(int codePointIndex) {
        // pair k starts at code point index pairs[k] - k, which grows with k
        int lo = 0;
        int hi = pairs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[mid] - mid < codePointIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return clamp(codePointIndex + lo);
    }

    /** {@code end} moved back over blanks and line breaks, never before {@code start}. */
    int trimTrailingBlanks(int start, int end) {
        int e = clamp(end);
        while (e > start && isBlankOrBreak(content.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** {@code offset} moved forward over spaces and tabs. */
    int skipSpaces(int offset) {
        int i = clamp(offset);
        while (i < content.length() && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The offset of the next line break at or after {@code offset}, or the end of the text. */
    int lineEnd(int offset) {
        int i = clamp(offset);
        while (i < content.length() && content.charAt(i) != '\n' && content.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /**
     * The offset just after a quoted string that starts at {@code start} with {@code "} or
     * {@code '}, as TOML and JSON write them: a backslash escapes the next character only in
     * double-quoted strings; a tripled quote opens a TOML multi-line string, which ends at the
     * next tripled quote and takes up to two more adjacent quotes as content. An unterminated
     * string ends at the end of its line (single-line) or of the text (multi-line).
     */
    int quotedEnd(int start) {
        char quote = charAt(start);
        boolean escapes = quote == '"';
        boolean multiline = charAt(start + 1) == quote && charAt(start + 2) == quote;
        int i = start + (multiline ? 3 : 1);
        while (i < content.length()) {
            char c = content.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == quote && !multiline) {
                return i + 1;
            } else if (c == quote && charAt(i + 1) == quote && charAt(i + 2) == quote) {
                int run = 3;
                while (run < 5 && charAt(i + run) == quote) {
                    run++;
                }
                return i + run;
            } else if (!multiline && (c == '\n' || c == '\r')) {
                return i;
            } else {
                i++;
            }
        }
        return content.length();
    }

    private int pairsBefore(int offset) {
        int i = Arrays.binarySearch(pairs, offset);
        return i >= 0 ? i : -i - 1;
    }

    private int atLineBreakStart(int offset) {
        int o = offset;
        if (o == content.length() && o > 0 && (charAt(o - 1) == '\n' || charAt(o - 1) == '\r')) {
            o--;
        }
        return o > 0 && charAt(o) == '\n' && charAt(o - 1) == '\r' ? o - 1 : o;
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(content.length(), offset));
    }

    private static boolean isBlankOrBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}

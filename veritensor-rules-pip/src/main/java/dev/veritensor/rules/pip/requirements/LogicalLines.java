package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.model.PythonWhitespace;
import dev.veritensor.rules.pip.model.TextOrigin;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the physical lines of a requirements file into pip's logical lines: a line ending in
 * {@code \} is joined with the next one (the backslashes at both ends of a continued line are
 * dropped, nothing is inserted), a full-line comment ends a continuation, and a comment — a
 * {@code #} at the start or after whitespace, so not the {@code #egg=} or {@code #sha256=} of a
 * URL — is cut off with the whitespace before it. Each logical line keeps a {@link TextOrigin}
 * mapping its characters back to the file.
 */
final class LogicalLines {

    /**
     * One logical line.
     *
     * @param text    the joined text, comment included
     * @param origin  where each character of {@code text} is in the file
     * @param start   offset of the first character that is not whitespace
     * @param end     offset just after the last character before the comment that is not whitespace;
     *                {@code start >= end} for a blank or comment-only line
     */
    record Line(String text, TextOrigin origin, int start, int end) {
        boolean isBlank() {
            return start >= end;
        }
    }

    private LogicalLines() {
    }

    /** The logical lines of {@code text} that hold something besides comments, in order. */
    static List<Line> of(SourceText text) {
        List<Line> out = new ArrayList<>();
        String path = text.path();
        StringBuilder joined = null;
        TextOrigin.Builder pieces = null;
        int count = text.lineCount();
        for (int n = 1; n <= count; n++) {
            String line = text.line(n);
            boolean comment = isCommentLine(line);
            if (!line.endsWith("\\") || comment) {
                if (joined == null) {
                    add(out, line, TextOrigin.at(path, n, 1));
                } else {
                    if (!comment && !line.isEmpty()) {
                        pieces.piece(joined.length(), n, 1);
                        joined.append(line);
                    }
                    if (joined.length() > 0) {
                        add(out, joined.toString(), pieces.build());
                    }
                    joined = null;
                    pieces = null;
                }
            } else {
                if (joined == null) {
                    joined = new StringBuilder();
                    pieces = TextOrigin.builder(path);
                }
                int lead = 0;
                while (lead < line.length() && line.charAt(lead) == '\\') {
                    lead++;
                }
                int trail = line.length();
                while (trail > lead && line.charAt(trail - 1) == '\\') {
                    trail--;
                }
                if (trail > lead) {
                    pieces.piece(joined.length(), n, lead + 1);
                    joined.append(line, lead, trail);
                }
            }
        }
        if (joined != null && joined.length() > 0) {
            add(out, joined.toString(), pieces.build());
        }
        return out;
    }

    private static void add(List<Line> out, String text, TextOrigin origin) {
        int end = commentStart(text);
        while (end > 0 && PythonWhitespace.isSpace(text.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && PythonWhitespace.isSpace(text.charAt(start))) {
            start++;
        }
        if (start < end) {
            out.add(new Line(text, origin, start, end));
        }
    }

    /** Offset of the comment (a {@code #} at the start or after whitespace), or the length. */
    static int commentStart(String text) {
        int i = text.indexOf('#');
        while (i >= 0) {
            if (i == 0 || PythonWhitespace.isSpace(text.charAt(i - 1))) {
                return i;
            }
            i = text.indexOf('#', i + 1);
        }
        return text.length();
    }

    private static boolean isCommentLine(String line) {
        int i = 0;
        while (i < line.length() && PythonWhitespace.isSpace(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '#';
    }
}

package dev.veritensor.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The decoded text of a source with its line structure. Decoding is strict UTF-8; a leading byte
 * order mark is dropped; lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, and the line
 * terminators are not part of {@link #line(int)}.
 *
 * <p>Instances are obtained from {@link ParseContext#text(Source)}, which applies the configured
 * size limit, so every parser decodes the same way.
 */
public final class SourceText {

    private final String path;
    private final String content;
    private final List<String> lines;
    private final int[] lineStarts;

    private SourceText(String path, String content) {
        this.path = path;
        this.content = content;
        List<String> ls = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = content.length();
        while (i < n) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                ls.add(content.substring(start, i));
                starts.add(start);
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n || ls.isEmpty()) {
            ls.add(content.substring(start));
            starts.add(start);
        }
        this.lines = Collections.unmodifiableList(ls);
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Decodes {@code bytes} as strict UTF-8.
     *
     * @throws DocumentParseException naming the byte offset when the bytes are not UTF-8 text
     *                                (invalid sequences or NUL bytes)
     */
    public static SourceText decode(String path, byte[] bytes) throws DocumentParseException {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DocumentParseException("binary content (NUL byte at offset " + i + "), not text",
                        Location.ofFile(path));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            CharBuffer out = decoder.decode(in);
            return new SourceText(path, out.toString());
        } catch (CharacterCodingException e) {
            throw new DocumentParseException("not valid UTF-8 text (invalid byte sequence near offset "
                    + in.position() + ")", Location.ofFile(path));
        }
    }

    /** Text of the given string, for tests and in-memory callers. */
    public static SourceText of(String path, String content) {
        String c = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return new SourceText(path, c);
    }

    /** Scan path of the source. */
    public String path() {
        return path;
    }

    /** The whole decoded text, without a byte order mark. */
    public String content() {
        return content;
    }

    /** Number of lines; an empty text has one empty line. */
    public int lineCount() {
        return lines.size();
    }

    /** All lines, without terminators. */
    public List<String> lines() {
        return lines;
    }

    /** The text of 1-based line {@code line}, without its terminator. */
    public String line(int line) {
        return lines.get(line - 1);
    }

    /** The line, when {@code line} is within the text. */
    public Optional<String> lineIfPresent(int line) {
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }

    /** Offset in {@link #content()} of column 1 of 1-based {@code line}. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** 1-based line containing the character at {@code offset} of {@link #content()}. */
    public int lineAt(int offset) {
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
        return lo + 1;
    }

    /** The location spanning content offsets {@code [start, end)}. */
    public Location span(int start, int end) {
        int sl = lineAt(start);
        int el = lineAt(Math.max(start, end));
        return new Location(path, sl, start - lineStarts[sl - 1] + 1, el, Math.max(start, end) - lineStarts[el - 1] + 1);
    }

    /** The location of columns {@code [startColumn, endColumn)} (1-based) on 1-based {@code line}. */
    public Location span(int line, int startColumn, int endColumn) {
        return Location.ofLine(path, line, startColumn, endColumn);
    }

    /** The location of the whole 1-based {@code line}, without leading and trailing blanks. */
    public Location lineSpan(int line) {
        String text = line(line);
        int s = 0;
        int e = text.length();
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return Location.ofLine(path, line, s + 1, e + 1);
    }
}

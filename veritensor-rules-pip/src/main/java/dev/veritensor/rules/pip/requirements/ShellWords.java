package dev.veritensor.rules.pip.requirements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the option part of a requirements line into words the way pip does (Python's
 * {@code shlex.split} in POSIX mode, no comments): blanks separate words, single quotes keep
 * everything, double quotes let a backslash escape {@code "} and {@code \}, and outside quotes a
 * backslash escapes any character. Each word keeps the span of its raw text.
 */
final class ShellWords {

    /**
     * One word.
     *
     * @param value the word with quotes and escapes resolved
     * @param start offset of its first raw character
     * @param end   offset just after its last raw character
     */
    record Word(String value, int start, int end) {
    }

    /** A line whose quoting is broken; pip refuses it. */
    static final class QuotingException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        QuotingException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        /** Where the broken quote or escape starts. */
        int offset() {
            return offset;
        }
    }

    private ShellWords() {
    }

    /** The words of {@code text[start, end)}. */
    static List<Word> split(String text, int start, int end) throws QuotingException {
        List<Word> words = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                i++;
                continue;
            }
            int wordStart = i;
            StringBuilder value = new StringBuilder();
            while (i < end && !isBlank(text.charAt(i))) {
                c = text.charAt(i);
                if (c == '\'') {
                    int close = text.indexOf('\'', i + 1);
                    if (close < 0 || close >= end) {
                        throw new QuotingException("no closing quotation for '", i);
                    }
                    value.append(text, i + 1, close);
                    i = close + 1;
                } else if (c == '"') {
                    int open = i;
                    i++;
                    while (true) {
                        if (i >= end) {
                            throw new QuotingException("no closing quotation for \"", open);
                        }
                        char d = text.charAt(i);
                        if (d == '"') {
                            i++;
                            break;
                        }
                        if (d == '\\' && i + 1 < end && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                            value.append(text.charAt(i + 1));
                            i += 2;
                        } else {
                            value.append(d);
                            i++;
                        }
                    }
                } else if (c == '\\') {
                    if (i + 1 >= end) {
                        throw new QuotingException("no character after the escaping backslash", i);
                    }
                    value.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    value.append(c);
                    i++;
                }
            }
            words.add(new Word(value.toString(), wordStart, i));
        }
        return words;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}

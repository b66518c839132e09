package dev.veritensor.rules.pip.model;

/**
 * Whitespace as Python's {@code str.strip()}, {@code str.split()} and regular-expression
 * {@code \s} see it (which includes Unicode spaces such as U+00A0 that Java's
 * {@link Character#isWhitespace} leaves out), for parsers that mirror Python tools exactly.
 */
public final class PythonWhitespace {

    private PythonWhitespace() {
    }

    /** Whether Python counts {@code c} as whitespace. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u001f' || c == '\u0085';
    }

    /** Offset of the first non-whitespace character of {@code text[from, to)}, or {@code to}. */
    public static int skip(String text, int from, int to) {
        int i = from;
        while (i < to && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset just after the last non-whitespace character of {@code text[from, to)}, or {@code from}. */
    public static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}

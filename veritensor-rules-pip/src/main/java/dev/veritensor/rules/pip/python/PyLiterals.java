package dev.veritensor.rules.pip.python;

import java.util.Locale;

/**
 * Python string-literal rules: which prefixes exist and how escape sequences decode. Decoding
 * follows the language reference; bytes literals decode to characters U+0000–U+00FF, one per
 * byte, so that a bytes value can be inspected like text.
 */
public final class PyLiterals {

    private PyLiterals() {
    }

    /** Whether {@code prefix} (any case) is a valid string prefix: r, u, b, f, t or a valid pair. */
    public static boolean isPrefix(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt" -> true;
            default -> false;
        };
    }

    /** Whether the prefix makes a raw literal. */
    public static boolean isRaw(String prefix) {
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }

    /** Whether the prefix makes a bytes literal. */
    public static boolean isBytes(String prefix) {
        return prefix.indexOf('b') >= 0 || prefix.indexOf('B') >= 0;
    }

    /** Whether the prefix makes an f-string or a t-string (a literal with replacement fields). */
    public static boolean isFormatted(String prefix) {
        return prefix.indexOf('f') >= 0 || prefix.indexOf('F') >= 0 || prefix.indexOf('t') >= 0
                || prefix.indexOf('T') >= 0;
    }

    /**
     * Decodes the body of a literal (the text between the quotes). Raw literals are returned as
     * they are; unknown escapes keep their backslash, as Python does.
     */
    public static String decode(String body, boolean raw, boolean bytes) {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < n && body.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(body, i, 2, out, "\\x");
                case 'u' -> i = bytes ? keep(out, "\\u", i) : hex(body, i, 4, out, "\\u");
                case 'U' -> i = bytes ? keep(out, "\\U", i) : hex(body, i, 8, out, "\\U");
                case 'N' -> i = bytes ? keep(out, "\\N", i) : named(body, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            v = v * 8 + body.charAt(i) - '0';
                            i++;
                            digits++;
                        }
                        out.appendCodePoint(bytes ? v & 0xff : v);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int keep(StringBuilder out, String escape, int i) {
        out.append(escape);
        return i;
    }

    private static int hex(String body, int from, int digits, StringBuilder out, String escape) {
        if (from + digits > body.length()) {
            out.append(escape);
            return from;
        }
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(body.charAt(from + k), 16);
            if (d < 0) {
                out.append(escape);
                return from;
            }
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) {
            out.append(escape);
            return from;
        }
        out.appendCodePoint(v);
        return from + digits;
    }

    private static int named(String body, int from, StringBuilder out) {
        int close = body.indexOf('}', from);
        if (from >= body.length() || body.charAt(from) != '{' || close < 0 || close - from > 100) {
            out.append("\\N");
            return from;
        }
        try {
            out.appendCodePoint(Character.codePointOf(body.substring(from + 1, close)));
        } catch (IllegalArgumentException e) {
            out.append("\\N");
            return from;
        }
        return close + 1;
    }
}

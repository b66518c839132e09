package dev.veritensor.rules.artifacts.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file: the magic string, version, header length and the
 * Python dict literal {@code {'descr': …, 'fortran_order': …, 'shape': …}}, read with a small
 * literal parser (strings, numbers, booleans, None, tuples, lists, dicts) — never evaluated.
 *
 * @param version    format major version (1 to 3)
 * @param descr      the dtype description: a string, or a list of fields rendered as text
 * @param objects    whether the dtype holds Python objects (type code {@code O} anywhere)
 * @param dataOffset where the array data starts
 */
record NpyHeader(int version, String descr, boolean objects, long dataOffset) {

    /** The magic string {@code \x93NUMPY}. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;

    /** Thrown when the header cannot be read. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static boolean hasMagic(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the header from the start of {@code in}, leaving it at the array data. */
    static NpyHeader read(java.io.InputStream in) throws java.io.IOException, Invalid {
        byte[] fixed = in.readNBytes(8);
        if (fixed.length < 8 || !hasMagic(fixed)) {
            throw new Invalid("no .npy magic string");
        }
        int major = fixed[6] & 0xff;
        long length;
        int lengthBytes = major == 1 ? 2 : 4;
        if (major < 1 || major > 3) {
            throw new Invalid("unknown .npy format version " + major);
        }
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) {
            throw new Invalid("truncated .npy header");
        }
        length = (len[0] & 0xff) | (len[1] & 0xff) << 8;
        if (lengthBytes == 4) {
            length |= ((long) (len[2] & 0xff)) << 16 | ((long) (len[3] & 0xff)) << 24;
        }
        if (length > MAX_HEADER) {
            throw new Invalid("header of " + length + " bytes is larger than " + MAX_HEADER);
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new Invalid("truncated .npy header");
        }
        String literal = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Object parsed = new Literal(literal).parseAll();
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("descr")) {
            throw new Invalid("header is not a dict with 'descr'");
        }
        Object descr = map.get("descr");
        return new NpyHeader(major, render(descr), holdsObjects(descr), 8 + lengthBytes + length);
    }

    private static boolean holdsObjects(Object descr) {
        if (descr instanceof String s) {
            return s.replaceAll("^[<>|=]", "").startsWith("O");
        }
        if (descr instanceof List<?> fields) {
            for (Object f : fields) {
                if (f instanceof List<?> field && field.size() >= 2 && holdsObjects(field.get(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String render(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(render(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    /** A recursive-descent parser for the Python literals numpy writes (depth-limited). */
    private static final class Literal {
        private static final int MAX_DEPTH = 32;
        private final String s;
        private int i;

        Literal(String s) {
            this.s = s;
        }

        Object parseAll() throws Invalid {
            Object v = value(0);
            skipBlanks();
            if (i != s.length()) {
                throw new Invalid("unexpected text after the header dict at character " + i);
            }
            return v;
        }

        private void skipBlanks() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value(int depth) throws Invalid {
            if (depth > MAX_DEPTH) {
                throw new Invalid("header nested too deeply");
            }
            skipBlanks();
            if (i >= s.length()) {
                throw new Invalid("header ends early");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<Object, Object> m = new LinkedHashMap<>();
                i++;
                while (!consume('}')) {
                    Object k = value(depth + 1);
                    if (!consume(':')) {
                        throw new Invalid("expected ':' at character " + i);
                    }
                    m.put(k, value(depth + 1));
                    if (!consume(',') && !peek('}')) {
                        throw new Invalid("expected ',' at character " + i);
                    }
                }
                return m;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                List<Object> l = new ArrayList<>();
                i++;
                while (!consume(close)) {
                    l.add(value(depth + 1));
                    if (!consume(',') && !peek(close)) {
                        throw new Invalid("expected ',' at character " + i);
                    }
                }
                return l;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new Invalid("unterminated string");
                }
                String v = s.substring(i + 1, end);
                i = end + 1;
                return v;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                    || s.charAt(i) == '+' || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new Invalid("unexpected character '" + c + "' at " + i);
            }
            return s.substring(start, i);
        }

        private boolean consume(char c) {
            skipBlanks();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            skipBlanks();
            return i < s.length() && s.charAt(i) == c;
        }
    }
}

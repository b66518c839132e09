package dev.veritensor.rules.pip.model;

import java.util.Set;

/**
 * Checks the syntax of a PEP 508 environment marker ({@code python_version < "3.10" and
 * sys_platform == "linux"}) without evaluating it. Nesting of parentheses is limited so hostile
 * input cannot exhaust the stack.
 */
final class MarkerSyntax {

    /** Deepest parenthesis nesting accepted. */
    static final int MAX_DEPTH = 32;

    private static final Set<String> VARIABLES = Set.of("python_version", "python_full_version", "os_name",
            "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
            "platform_python_implementation", "implementation_name", "implementation_version", "extra",
            "extras", "dependency_groups",
            // legacy spellings that packaging still accepts
            "os.name", "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
            "python_implementation");

    private final String text;
    private final int end;
    private final TextOrigin origin;
    private int pos;

    private MarkerSyntax(String text, int start, int end, TextOrigin origin) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.origin = origin;
    }

    /** Checks {@code text[start, end)} as a marker; the error location is mapped through {@code origin}. */
    static void check(String text, int start, int end, TextOrigin origin) throws RequirementSyntaxException {
        MarkerSyntax m = new MarkerSyntax(text, start, end, origin);
        m.skipBlanks();
        if (m.pos >= end) {
            throw m.error("expected an environment marker after ';'", m.pos, m.pos);
        }
        m.orExpression(0);
        m.skipBlanks();
        if (m.pos < end) {
            throw m.error("unexpected '" + text.charAt(m.pos) + "' in environment marker, expected 'and', 'or' or the end",
                    m.pos, m.pos + 1);
        }
    }

    private void orExpression(int depth) throws RequirementSyntaxException {
        andExpression(depth);
        while (keyword("or")) {
            andExpression(depth);
        }
    }

    private void andExpression(int depth) throws RequirementSyntaxException {
        atom(depth);
        while (keyword("and")) {
            atom(depth);
        }
    }

    private void atom(int depth) throws RequirementSyntaxException {
        skipBlanks();
        if (pos < end && text.charAt(pos) == '(') {
            if (depth >= MAX_DEPTH) {
                throw error("environment marker nested more than " + MAX_DEPTH + " parentheses deep", pos, pos + 1);
            }
            int open = pos;
            pos++;
            orExpression(depth + 1);
            skipBlanks();
            if (pos >= end || text.charAt(pos) != ')') {
                throw error("'(' in environment marker is not closed", open, open + 1);
            }
            pos++;
            return;
        }
        value();
        operator();
        value();
    }

    private void value() throws RequirementSyntaxException {
        skipBlanks();
        if (pos >= end) {
            throw error("expected a marker variable or a quoted string, found the end", pos, pos);
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            int close = text.indexOf(c, pos + 1);
            if (close < 0 || close >= end) {
                throw error("quoted string in environment marker is not closed", pos, end);
            }
            pos = close + 1;
            return;
        }
        int start = pos;
        while (pos < end && (isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a marker variable or a quoted string, found '" + c + "'", pos, pos + 1);
        }
        String name = text.substring(start, pos);
        if (!VARIABLES.contains(name)) {
            throw error("unknown environment marker variable '" + name + "'", start, pos);
        }
    }

    private void operator() throws RequirementSyntaxException {
        skipBlanks();
        for (String op : new String[] {"===", "==", "!=", "<=", ">=", "~=", "<", ">"}) {
            if (text.startsWith(op, pos) && pos + op.length() <= end) {
                pos += op.length();
                return;
            }
        }
        if (keyword("in")) {
            return;
        }
        int notAt = pos;
        if (keyword("not")) {
            if (keyword("in")) {
                return;
            }
            throw error("expected 'in' after 'not' in environment marker", notAt, pos);
        }
        throw error(pos < end ? "expected a comparison operator in environment marker, found '" + text.charAt(pos) + "'"
                : "expected a comparison operator in environment marker, found the end", pos, Math.min(pos + 1, end));
    }

    /** Consumes {@code word} (after blanks) when it stands there as a whole word. */
    private boolean keyword(String word) {
        int save = pos;
        skipBlanks();
        int after = pos + word.length();
        if (after <= end && text.startsWith(word, pos)
                && (after == end || !isLetterOrDigit(text.charAt(after)) && text.charAt(after) != '_'
                && text.charAt(after) != '.')) {
            pos = after;
            return true;
        }
        pos = save;
        return false;
    }

    private void skipBlanks() {
        while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** An error spanning {@code [from, to)}, kept within the marker's text. */
    private RequirementSyntaxException error(String message, int from, int to) {
        int f = Math.min(from, end);
        return new RequirementSyntaxException(message, origin.span(f, Math.min(Math.max(f, to), end)));
    }
}

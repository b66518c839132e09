package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

/**
 * One token of Python source.
 *
 * @param type     what kind of token
 * @param text     the source text of the token (empty for {@code INDENT}, {@code DEDENT} and the end marker)
 * @param value    the token's meaning: the decoded content of a string or f-string part, the
 *                 NFKC-normalised name of a {@code NAME}, otherwise the text
 * @param location where the token is in its file
 */
public record PyToken(PyTokenType type, String text, String value, Location location) {

    /** Whether this is the operator or delimiter {@code op}. */
    public boolean isOp(String op) {
        return type == PyTokenType.OP && text.equals(op);
    }

    /** Whether this is the name (or keyword) {@code name}. */
    public boolean isName(String name) {
        return type == PyTokenType.NAME && value.equals(name);
    }
}

package dev.veritensor.rules.pip.python;

/**
 * The kinds of token {@link PyTokenizer} produces, after Python's own tokenizer (3.12 and later,
 * where an f-string is split into its literal parts and the tokens of its replacement fields).
 */
public enum PyTokenType {
    /** An identifier or keyword; its value is the NFKC-normalised name, as Python compares names. */
    NAME,
    /** A numeric literal. */
    NUMBER,
    /** A complete string or bytes literal (not an f-string); its value is the decoded content. */
    STRING,
    /** The prefix and opening quote of an f-string or t-string. */
    FSTRING_START,
    /** A literal part of an f-string; its value is the decoded text ({@code {{} read as {@code {}). */
    FSTRING_MIDDLE,
    /** The closing quote of an f-string or t-string. */
    FSTRING_END,
    /** An operator or delimiter. */
    OP,
    /** A comment, from {@code #} to the end of the line. */
    COMMENT,
    /** The end of a logical line. */
    NEWLINE,
    /** A line break that does not end a logical line (blank line, comment line, inside brackets). */
    NL,
    /** The start of a deeper indented block. */
    INDENT,
    /** The end of an indented block. */
    DEDENT,
    /** Text Python would reject (an unterminated string, a stray character, an inconsistent dedent). */
    ERRORTOKEN,
    /** The end of the input. */
    ENDMARKER
}

package dev.veritensor.rules.ci.expression;

/** Thrown when an expression's text is not valid GitHub Actions expression syntax. */
public final class ExpressionSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param message what is wrong
     * @param offset  where, as an offset in the expression source
     */
    public ExpressionSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset in the expression source where the problem was detected. */
    public int offset() {
        return offset;
    }
}

package dev.veritensor.rules.ci.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ${{ … }}} occurrence inside a string, with its parsed expression. Offsets are in the
 * string that was scanned.
 *
 * @param start      offset of {@code $}
 * @param end        offset just after the closing {@code }}} (the end of the string when it is
 *                   unterminated)
 * @param innerStart offset of the expression text, just after {@code ${{}
 * @param inner      the expression text between the delimiters
 * @param expression the parsed expression, empty when the text is not valid syntax
 * @param problem    why the text is not valid syntax; empty when it parsed
 */
public record Placeholder(int start, int end, int innerStart, String inner, Optional<Expr> expression,
                          String problem) {

    public Placeholder {
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Finds every {@code ${{ … }}} in {@code text}. The closing {@code }}} is the first one that
     * is not inside a single-quoted string literal of the expression.
     */
    public static List<Placeholder> scan(String text) {
        List<Placeholder> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("${{", from);
            if (open < 0) {
                return out;
            }
            int innerStart = open + 3;
            int close = findClose(text, innerStart);
            if (close < 0) {
                out.add(new Placeholder(open, text.length(), innerStart, text.substring(innerStart),
                        Optional.empty(), "'${{' is not closed by '}}'"));
                return out;
            }
            String inner = text.substring(innerStart, close);
            Optional<Expr> expr;
            String problem;
            try {
                expr = Optional.of(ExpressionParser.parse(inner));
                problem = "";
            } catch (ExpressionSyntaxException e) {
                expr = Optional.empty();
                problem = e.getMessage() + " at offset " + e.offset() + " of the expression";
            }
            out.add(new Placeholder(open, close + 2, innerStart, inner, expr, problem));
            from = close + 2;
        }
    }

    private static int findClose(String text, int from) {
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        inString = false;
                    }
                }
            } else if (c == '\'') {
                inString = true;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}

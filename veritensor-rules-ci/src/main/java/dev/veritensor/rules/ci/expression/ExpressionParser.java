package dev.veritensor.rules.ci.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the GitHub Actions expression language: literals ({@code null}, booleans, JSON and hex
 * numbers, single-quoted strings with {@code ''} escapes), context access with {@code .name},
 * {@code [index]} and the {@code .*} / {@code [*]} object filter, function calls, {@code !} and
 * the binary operators {@code == != < <= > >= && ||} with GitHub's precedence (comparisons bind
 * tighter than equality, equality tighter than {@code &&}, {@code &&} tighter than {@code ||}).
 *
 * <p>The parser is a hand-written recursive descent over an in-place lexer. Every nesting level
 * and every link of an operator or access chain counts towards {@link #MAX_DEPTH}, so the depth
 * of any syntax tree it returns stays below that bound and hostile input exhausts neither the
 * parser's stack nor that of code walking the tree recursively. Instances are cheap
 * and single-use; {@link #parse(String)} is the entry point and is thread-safe.
 */
public final class ExpressionParser {

    /** Deepest accepted nesting of parentheses, calls, indexes and operators. */
    public static final int MAX_DEPTH = 100;

    private final String src;
    private int pos;
    private int depth;

    private ExpressionParser(String src) {
        this.src = src;
    }

    /**
     * Parses one expression, the text between {@code ${{} and {@code }}} (surrounding blanks
     * allowed).
     *
     * @throws ExpressionSyntaxException when the text is not one well-formed expression
     */
    public static Expr parse(String source) throws ExpressionSyntaxException {
        ExpressionParser p = new ExpressionParser(source);
        p.skipBlanks();
        if (p.pos >= source.length()) {
            throw new ExpressionSyntaxException("empty expression", p.pos);
        }
        Expr e = p.or();
        p.skipBlanks();
        if (p.pos < source.length()) {
            throw new ExpressionSyntaxException("unexpected '" + source.charAt(p.pos) + "'", p.pos);
        }
        return e;
    }

    private Expr or() throws ExpressionSyntaxException {
        enter();
        int chain = 0;
        Expr left = and();
        while (consume("||")) {
            enter();
            chain++;
            Expr right = and();
            left = new Expr.Binary(Expr.Operator.OR, left, right, left.start(), right.end());
        }
        depth -= chain + 1;
        return left;
    }

    private Expr and() throws ExpressionSyntaxException {
        int chain = 0;
        Expr left = equality();
        while (consume("&&")) {
            enter();
            chain++;
            Expr right = equality();
            left = new Expr.Binary(Expr.Operator.AND, left, right, left.start(), right.end());
        }
        depth -= chain;
        return left;
    }

    private Expr equality() throws ExpressionSyntaxException {
        int chain = 0;
        Expr left = comparison();
        while (true) {
            Expr.Operator op;
            if (consume("==")) {
                op = Expr.Operator.EQ;
            } else if (consume("!=")) {
                op = Expr.Operator.NE;
            } else {
                depth -= chain;
                return left;
            }
            enter();
            chain++;
            Expr right = comparison();
            left = new Expr.Binary(op, left, right, left.start(), right.end());
        }
    }

    private Expr comparison() throws ExpressionSyntaxException {
        int chain = 0;
        Expr left = unary();
        while (true) {
            Expr.Operator op;
            if (consume("<=")) {
                op = Expr.Operator.LE;
            } else if (consume(">=")) {
                op = Expr.Operator.GE;
            } else if (consume("<")) {
                op = Expr.Operator.LT;
            } else if (consume(">")) {
                op = Expr.Operator.GT;
            } else {
                depth -= chain;
                return left;
            }
            enter();
            chain++;
            Expr right = unary();
            left = new Expr.Binary(op, left, right, left.start(), right.end());
        }
    }

    private Expr unary() throws ExpressionSyntaxException {
        skipBlanks();
        int start = pos;
        if (peek() == '!' && peekAt(1) != '=') {
            pos++;
            enter();
            Expr operand = unary();
            leave();
            return new Expr.Not(operand, start, operand.end());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr target) throws ExpressionSyntaxException {
        Expr e = target;
        int chain = 0;
        while (true) {
            skipBlanks();
            char c = peek();
            if (c == '.' || c == '[') {
                enter();
                chain++;
            }
            if (c == '.') {
                pos++;
                skipBlanks();
                if (peek() == '*') {
                    pos++;
                    e = new Expr.Wildcard(e, e.start(), pos);
                } else {
                    int nameStart = pos;
                    while (pos < src.length() && isNameChar(src.charAt(pos))) {
                        pos++;
                    }
                    if (pos == nameStart) {
                        throw new ExpressionSyntaxException("property name expected after '.'", pos);
                    }
                    e = new Expr.Property(e, src.substring(nameStart, pos), e.start(), pos);
                }
            } else if (c == '[') {
                pos++;
                skipBlanks();
                if (peek() == '*') {
                    int save = pos;
                    pos++;
                    skipBlanks();
                    if (peek() == ']') {
                        pos++;
                        e = new Expr.Wildcard(e, e.start(), pos);
                        continue;
                    }
                    pos = save;
                }
                Expr index = or();
                expect(']');
                e = new Expr.Index(e, index, e.start(), pos);
            } else {
                depth -= chain;
                return e;
            }
        }
    }

    private Expr primary() throws ExpressionSyntaxException {
        skipBlanks();
        int start = pos;
        if (pos >= src.length()) {
            throw new ExpressionSyntaxException("unexpected end of expression", pos);
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            enter();
            Expr inner = or();
            leave();
            expect(')');
            return spanning(inner, start, pos);
        }
        if (c == '\'') {
            return string();
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (isNameStart(c)) {
            while (pos < src.length() && isNameChar(src.charAt(pos))) {
                pos++;
            }
            String name = src.substring(start, pos);
            switch (name) {
                case "true", "false" -> {
                    return new Expr.Literal(Expr.LiteralKind.BOOLEAN, name, start, pos);
                }
                case "null" -> {
                    return new Expr.Literal(Expr.LiteralKind.NULL, name, start, pos);
                }
                default -> {
                    // a context name or, when a parenthesis follows, a function
                }
            }
            int afterName = pos;
            skipBlanks();
            if (peek() == '(') {
                pos++;
                return call(name, start);
            }
            pos = afterName;
            return new Expr.ContextName(name, start, pos);
        }
        throw new ExpressionSyntaxException("unexpected '" + c + "'", pos);
    }

    /** The node with its span widened to {@code [start, end)}, the parentheses around it. */
    private static Expr spanning(Expr e, int start, int end) {
        if (e instanceof Expr.Literal l) {
            return new Expr.Literal(l.kind(), l.value(), start, end);
        } else if (e instanceof Expr.ContextName c) {
            return new Expr.ContextName(c.name(), start, end);
        } else if (e instanceof Expr.Property p) {
            return new Expr.Property(p.target(), p.name(), start, end);
        } else if (e instanceof Expr.Index i) {
            return new Expr.Index(i.target(), i.index(), start, end);
        } else if (e instanceof Expr.Wildcard w) {
            return new Expr.Wildcard(w.target(), start, end);
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.arguments(), start, end);
        } else if (e instanceof Expr.Not n) {
            return new Expr.Not(n.operand(), start, end);
        }
        Expr.Binary b = (Expr.Binary) e;
        return new Expr.Binary(b.operator(), b.left(), b.right(), start, end);
    }

    private Expr call(String name, int start) throws ExpressionSyntaxException {
        enter();
        List<Expr> args = new ArrayList<>();
        skipBlanks();
        if (peek() != ')') {
            args.add(or());
            skipBlanks();
            while (peek() == ',') {
                pos++;
                args.add(or());
                skipBlanks();
            }
        }
        expect(')');
        leave();
        return new Expr.Call(name, args, start, pos);
    }

    private Expr string() throws ExpressionSyntaxException {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new ExpressionSyntaxException("unterminated string", start);
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                if (peek() == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return new Expr.Literal(Expr.LiteralKind.STRING, value.toString(), start, pos);
                }
            } else {
                value.append(c);
            }
        }
    }

    private Expr number() throws ExpressionSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0' && (peekAt(1) == 'x' || peekAt(1) == 'X')) {
            pos += 2;
            int digits = pos;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw new ExpressionSyntaxException("hex digits expected", pos);
            }
        } else {
            if (!digits()) {
                throw new ExpressionSyntaxException("number expected", pos);
            }
            if (peek() == '.' && isDigit(peekAt(1))) {
                pos++;
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                int save = pos;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!digits()) {
                    pos = save;
                }
            }
        }
        if (pos < src.length() && isNameChar(src.charAt(pos))) {
            throw new ExpressionSyntaxException("malformed number", start);
        }
        return new Expr.Literal(Expr.LiteralKind.NUMBER, src.substring(start, pos), start, pos);
    }

    private boolean digits() {
        int s = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        return pos > s;
    }

    private boolean consume(String token) {
        skipBlanks();
        if (src.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(char c) throws ExpressionSyntaxException {
        skipBlanks();
        if (peek() != c) {
            throw new ExpressionSyntaxException("'" + c + "' expected", pos);
        }
        pos++;
    }

    private void enter() throws ExpressionSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionSyntaxException("expression nested deeper than " + MAX_DEPTH, pos);
        }
    }

    private void leave() {
        depth--;
    }

    private void skipBlanks() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private char peekAt(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c) || c == '-';
    }
}

package dev.veritensor.rules.ci.expression;

import java.util.List;
import java.util.Objects;

/**
 * A node of a parsed GitHub Actions expression (the text between {@code ${{} and {@code }}}).
 * Every node knows the half-open range {@code [start, end)} of its text within the expression
 * source it was parsed from; the span of a parenthesized node includes its parentheses.
 */
public sealed interface Expr {

    /** Offset of the node's first character in the expression source. */
    int start();

    /** Offset just after the node's last character in the expression source. */
    int end();

    /** Literal kinds of the expression language. */
    enum LiteralKind { NULL, BOOLEAN, NUMBER, STRING }

    /** Binary operators, from the loosest binding to the tightest. */
    enum Operator {
        OR("||"), AND("&&"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * A literal; {@code value} is the decoded string for strings ({@code ''} unescaped) and the
     * source spelling otherwise.
     */
    record Literal(LiteralKind kind, String value, int start, int end) implements Expr {
        public Literal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A context name at the root of an access chain: {@code github}, {@code secrets}, {@code matrix}. */
    record ContextName(String name, int start, int end) implements Expr {
        public ContextName {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Property dereference {@code target.name}. */
    record Property(Expr target, String name, int start, int end) implements Expr {
        public Property {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Index access {@code target[index]}. */
    record Index(Expr target, Expr index, int start, int end) implements Expr {
        public Index {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(index, "index");
        }
    }

    /** Object filter {@code target.*} or {@code target[*]}: every element of an array or object. */
    record Wildcard(Expr target, int start, int end) implements Expr {
        public Wildcard {
            Objects.requireNonNull(target, "target");
        }
    }

    /** A function call such as {@code format('{0}', x)} or {@code toJSON(github)}. */
    record Call(String function, List<Expr> arguments, int start, int end) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }

    /** Logical not {@code !operand}. */
    record Not(Expr operand, int start, int end) implements Expr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** A binary operation. */
    record Binary(Operator operator, Expr left, Expr right, int start, int end) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }
}

package dev.veritensor.rules.ci.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which context values an expression can produce as its result, as opposed to those it only
 * tests. {@code ${{ github.event.issue.title }}} yields the title; {@code ${{ contains(
 * github.event.issue.title, 'bug') }}} yields a boolean. The analysis follows the language's
 * semantics: {@code a || b} yields either operand, {@code a && b} yields {@code b} (or a falsy
 * {@code a}), comparisons, {@code !} and the status and predicate functions yield booleans,
 * {@code hashFiles} a hash; {@code format}, {@code join}, {@code fromJSON}, {@code case} and
 * unknown functions pass their arguments through; {@code toJSON} passes its argument through
 * serialized, so a whole object's properties end up in the result.
 */
public final class ValueFlow {

    /**
     * A context value that can reach the expression's result.
     *
     * @param path       the accessed path
     * @param serialized whether it reaches the result through {@code toJSON}, so every property
     *                   below {@code path} is part of the result
     * @param node       the access in the syntax tree
     */
    public record Source(ContextPath path, boolean serialized, Expr node) {
    }

    private ValueFlow() {
    }

    /** The context values that can reach the result of {@code e}, in source order. */
    public static List<Source> sources(Expr e) {
        List<Source> out = new ArrayList<>();
        collect(e, false, out);
        return out;
    }

    /** Every context access anywhere in {@code e}, tested or produced, in source order. */
    public static List<Source> accesses(Expr e) {
        List<Source> out = new ArrayList<>();
        collectAll(e, out);
        return out;
    }

    private static void collect(Expr e, boolean serialized, List<Source> out) {
        Optional<ContextPath> path = ContextPath.of(e);
        if (path.isPresent()) {
            out.add(new Source(path.get(), serialized, e));
            return;
        }
        if (e instanceof Expr.Property p) {
            collect(p.target(), serialized, out);
        } else if (e instanceof Expr.Index i) {
            collect(i.target(), serialized, out);
        } else if (e instanceof Expr.Wildcard w) {
            collect(w.target(), serialized, out);
        } else if (e instanceof Expr.Binary b) {
            if (b.operator() == Expr.Operator.OR) {
                collect(b.left(), serialized, out);
                collect(b.right(), serialized, out);
            } else if (b.operator() == Expr.Operator.AND) {
                collect(b.right(), serialized, out);
            }
        } else if (e instanceof Expr.Call c) {
            String f = c.function().toLowerCase(Locale.ROOT);
            switch (f) {
                case "contains", "startswith", "endswith", "success", "always", "cancelled", "failure",
                        "hashfiles" -> {
                    // booleans and hashes carry no context text
                }
                case "tojson" -> c.arguments().forEach(a -> collect(a, true, out));
                default -> c.arguments().forEach(a -> collect(a, serialized, out));
            }
        }
        // literals, negations and comparisons yield no context text
    }

    private static void collectAll(Expr e, List<Source> out) {
        Optional<ContextPath> path = ContextPath.of(e);
        if (path.isPresent()) {
            out.add(new Source(path.get(), false, e));
            collectIndexes(e, out);
            return;
        }
        if (e instanceof Expr.Property p) {
            collectAll(p.target(), out);
        } else if (e instanceof Expr.Index i) {
            collectAll(i.target(), out);
            collectAll(i.index(), out);
        } else if (e instanceof Expr.Wildcard w) {
            collectAll(w.target(), out);
        } else if (e instanceof Expr.Binary b) {
            collectAll(b.left(), out);
            collectAll(b.right(), out);
        } else if (e instanceof Expr.Not n) {
            collectAll(n.operand(), out);
        } else if (e instanceof Expr.Call c) {
            boolean serialized = c.function().equalsIgnoreCase("toJSON");
            for (Expr a : c.arguments()) {
                int before = out.size();
                collectAll(a, out);
                if (serialized && before < out.size() && out.get(before).node() == a) {
                    Source s = out.get(before);
                    out.set(before, new Source(s.path(), true, s.node()));
                }
            }
        }
    }

    /** Accesses inside the index expressions of an access chain ({@code secrets[matrix.name]}). */
    private static void collectIndexes(Expr chain, List<Source> out) {
        List<Expr> indexes = new ArrayList<>();
        Expr current = chain;
        while (!(current instanceof Expr.ContextName)) {
            if (current instanceof Expr.Property p) {
                current = p.target();
            } else if (current instanceof Expr.Index i) {
                indexes.add(0, i.index());
                current = i.target();
            } else if (current instanceof Expr.Wildcard w) {
                current = w.target();
            } else {
                return;
            }
        }
        for (Expr index : indexes) {
            collectAll(index, out);
        }
    }
}

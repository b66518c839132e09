package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;
import dev.veritensor.rules.ci.expression.Expr;
import dev.veritensor.rules.ci.expression.ValueFlow;

import java.util.List;
import java.util.Objects;

/**
 * A GitHub Actions expression in a workflow or action file: a {@code ${{ … }}} placeholder or an
 * {@code if:} condition, parsed.
 *
 * @param source   the expression's text, without the {@code ${{ }}} delimiters
 * @param tree     its syntax tree
 * @param location span of the placeholder (delimiters included) or of the condition in the file
 */
public record Expression(String source, Expr tree, Location location) {

    public Expression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(location, "location");
    }

    /** The context values that can end up in the expression's result. */
    public List<ValueFlow.Source> valueSources() {
        return ValueFlow.sources(tree);
    }

    /** Every context access in the expression. */
    public List<ValueFlow.Source> accesses() {
        return ValueFlow.accesses(tree);
    }
}

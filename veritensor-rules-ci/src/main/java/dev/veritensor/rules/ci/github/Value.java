package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * A scalar value of a GitHub Actions file with the expressions embedded in it.
 *
 * @param text        the value as YAML decodes it
 * @param location    span of the value
 * @param expressions the {@code ${{ … }}} placeholders in it, in order
 */
public record Value(String text, Location location, List<Expression> expressions) {

    public Value {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        expressions = List.copyOf(expressions);
    }

    /** Whether the value contains no expression, so its text is what runs. */
    public boolean isLiteral() {
        return expressions.isEmpty() && !text.contains("${{");
    }
}

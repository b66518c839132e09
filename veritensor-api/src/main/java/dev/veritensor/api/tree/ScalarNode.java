package dev.veritensor.api.tree;

import dev.veritensor.api.Location;

import java.util.Objects;

/**
 * A leaf value: its text as the format defines it (escapes resolved, block scalars folded), its
 * type and, for YAML, the style it was written in. Numbers, booleans and dates keep their source
 * spelling in {@link #value()}; null is the empty string with type {@link Type#NULL}.
 *
 * @param value    the value's text
 * @param type     what kind of value
 * @param style    how it was written
 * @param location span of the value in the source, quotes and block indicators included
 */
public record ScalarNode(String value, Type type, Style style, Location location) implements Node {

    /** Value types shared by TOML, YAML and JSON. */
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL, DATETIME }

    /**
     * How the scalar was written. {@link #LITERAL} block scalars keep their lines verbatim, so line
     * {@code i} of the value is line {@code i} after the indicator line in the source.
     */
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, MULTILINE_STRING }

    public ScalarNode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(location, "location");
    }

    /** Whether this is a boolean true ({@code true}, and in YAML also {@code True}/{@code TRUE}). */
    public boolean isTrue() {
        return type == Type.BOOLEAN && value.equalsIgnoreCase("true");
    }
}

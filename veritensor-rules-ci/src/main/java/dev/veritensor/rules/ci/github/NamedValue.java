package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.Objects;

/**
 * An entry of an {@code env:}, {@code with:} or {@code secrets:} mapping.
 *
 * @param name         the key
 * @param nameLocation span of the key
 * @param value        the value
 */
public record NamedValue(String name, Location nameLocation, Value value) {
    public NamedValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameLocation, "nameLocation");
        Objects.requireNonNull(value, "value");
    }
}

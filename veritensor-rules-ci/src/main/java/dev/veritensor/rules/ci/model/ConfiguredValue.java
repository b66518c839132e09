package dev.veritensor.rules.ci.model;

import dev.veritensor.api.Location;

import java.util.Objects;

/**
 * A named value a CI file configures literally: an {@code env:}, {@code with:} or
 * {@code variables:} entry, a container credential, a Dockerfile {@code ENV} or {@code ARG}.
 *
 * @param section       where it is set, e.g. {@code env}, {@code with}, {@code variables}, {@code ENV}
 * @param name          the variable, input or key name
 * @param value         the value as the file gives it (YAML decoding applied)
 * @param nameLocation  span of the name
 * @param valueLocation span of the value
 */
public record ConfiguredValue(String section, String name, String value, Location nameLocation,
                              Location valueLocation) {
    public ConfiguredValue {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(nameLocation, "nameLocation");
        Objects.requireNonNull(valueLocation, "valueLocation");
    }
}

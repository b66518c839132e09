package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's {@code container:} or one of its {@code services:}.
 *
 * @param image       the image
 * @param env         its {@code env:}
 * @param credentials its {@code credentials:} ({@code username}, {@code password})
 * @param location    span of the declaration
 */
public record Container(Value image, List<NamedValue> env, List<NamedValue> credentials, Location location) {
    public Container {
        Objects.requireNonNull(image, "image");
        env = List.copyOf(env);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(location, "location");
    }

    /** The credential called {@code name}. */
    public Optional<NamedValue> credential(String name) {
        return credentials.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

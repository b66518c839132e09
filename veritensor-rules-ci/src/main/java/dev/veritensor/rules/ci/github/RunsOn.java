package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's {@code runs-on:}: runner labels and, for runner groups, the group.
 *
 * @param labels       the labels written in {@code runs-on:}, in order
 * @param matrixLabels the labels a {@code ${{ matrix.key }}} label stands for: the values the
 *                     job's matrix lists for that key, at their own locations; each is a
 *                     separate runner choice
 * @param group        the {@code group:} of a runner group
 * @param location     span of the value
 */
public record RunsOn(List<Value> labels, List<Value> matrixLabels, Optional<Value> group, Location location) {
    public RunsOn {
        labels = List.copyOf(labels);
        matrixLabels = List.copyOf(matrixLabels);
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(location, "location");
    }
}

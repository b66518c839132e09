package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * A PEP 735 dependency group: its own requirements are declared dependencies of section
 * {@code DEPENDENCY_GROUP:name}; it also includes other groups by name.
 *
 * @param name     the normalized group name
 * @param includes normalized names of the groups it includes ({@code {include-group = "..."}})
 * @param location span of the group's key
 */
public record DependencyGroup(String name, List<String> includes, Location location) {
    public DependencyGroup {
        Objects.requireNonNull(name, "name");
        includes = List.copyOf(includes);
        Objects.requireNonNull(location, "location");
    }
}

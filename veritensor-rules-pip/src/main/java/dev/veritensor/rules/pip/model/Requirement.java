package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;

import java.util.Objects;
import java.util.Optional;

/**
 * One parsed requirement: the shared {@link Dependency} model plus the spans a rule may want to
 * point at more precisely than the whole requirement.
 *
 * @param dependency        the dependency; its location spans the requirement without surrounding
 *                          blanks, its name location the project name (for unnamed URL or path
 *                          requirements, the URL or path)
 * @param urlLocation       span of the direct reference, when there is one
 * @param specifierLocation span of the version specifier (parentheses included), when there is one
 */
public record Requirement(Dependency dependency, Optional<Location> urlLocation,
                          Optional<Location> specifierLocation) {
    public Requirement {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(urlLocation, "urlLocation");
        Objects.requireNonNull(specifierLocation, "specifierLocation");
    }
}

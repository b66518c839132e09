package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.pep440.Constraints;
import dev.veritensor.rules.pip.pep440.VersionConstraint;

import java.util.Objects;
import java.util.Optional;

/**
 * A dependency a manifest declares, with where it is declared and the version range it accepts.
 *
 * @param dependency the shared model
 * @param section    the table and group that declare it
 * @param constraint the accepted versions, when the specifier could be read (Poetry syntax
 *                   included); empty for direct references and unreadable specifiers
 * @param reference  where the dependency's direct reference (Git repository, URL, path) is written
 *                   when that is not the declaration itself: the {@code [tool.uv.sources]} entry
 *                   that replaces a {@code [project]} requirement
 */
public record ManifestDependency(Dependency dependency, Section section, Optional<VersionConstraint> constraint,
                                 Optional<Location> reference) {
    public ManifestDependency {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(reference, "reference");
    }

    /** A dependency whose direct reference, if any, is written in its declaration. */
    public ManifestDependency(Dependency dependency, Section section, Optional<VersionConstraint> constraint) {
        this(dependency, section, constraint, Optional.empty());
    }

    /**
     * Where to change the direct reference: the separate entry that gives it, else the
     * declaration.
     */
    public Location referenceLocation() {
        return reference.orElse(dependency.location());
    }

    /** A dependency written as a PEP 508 requirement: a registry dependency accepts its PEP 440 specifier set. */
    public static ManifestDependency pep508(Dependency dependency, Section section) {
        return new ManifestDependency(dependency, section, dependency.kind() == Dependency.Kind.REGISTRY
                ? Constraints.pep440(dependency.specifier()) : Optional.empty());
    }
}

package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;

import java.util.Objects;
import java.util.Optional;

/**
 * One requirement of a requirements file: a requirement line, or an {@code -e} line.
 *
 * @param dependency  the dependency; its location spans the whole logical line without its
 *                    comment (over continuation lines when the line is continued), its hashes are
 *                    the line's valid {@code --hash} values and any hash fragment of its URL
 * @param editable    whether the line is {@code -e}/{@code --editable}
 * @param urlLocation span of the URL or path, when the requirement names one
 */
public record RequirementLine(Dependency dependency, boolean editable, Optional<Location> urlLocation) {
    public RequirementLine {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(urlLocation, "urlLocation");
    }
}

package dev.veritensor.rules.ci.gitlab;

import dev.veritensor.api.Location;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a GitLab CI {@code include:}.
 *
 * @param kind      what is included
 * @param target    the file path, URL, project path, template name or component reference
 * @param ref       the {@code ref:} of a project include, or the version after {@code @} of a component
 * @param integrity the {@code integrity:} hash of a remote include
 * @param location  span of the entry
 */
public record GitLabInclude(Kind kind, String target, Optional<String> ref, Optional<String> integrity,
                            Location location) {

    /** The kinds of include. */
    public enum Kind { LOCAL, REMOTE, PROJECT, TEMPLATE, COMPONENT }

    public GitLabInclude {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(location, "location");
    }
}

package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job of a workflow.
 *
 * @param id            the job's key
 * @param idLocation    span of the key
 * @param runsOn        its {@code runs-on:}
 * @param permissions   its {@code permissions:}
 * @param env           its {@code env:}
 * @param steps         its steps
 * @param uses          the reusable workflow it calls
 * @param with          inputs of the reusable workflow call
 * @param secrets       {@code secrets:} passed to the reusable workflow, by name
 * @param inheritSecrets span of {@code secrets: inherit}, when the job passes every secret
 * @param container     its {@code container:}
 * @param services      its {@code services:}
 * @param condition     its {@code if:}
 */
public record Job(String id, Location idLocation, Optional<RunsOn> runsOn, Optional<Permissions> permissions,
                  List<NamedValue> env, List<Step> steps, Optional<ActionRef> uses, List<NamedValue> with,
                  List<NamedValue> secrets, Optional<Location> inheritSecrets, Optional<Container> container,
                  List<Container> services, Optional<Expression> condition) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idLocation, "idLocation");
        Objects.requireNonNull(runsOn, "runsOn");
        Objects.requireNonNull(permissions, "permissions");
        env = List.copyOf(env);
        steps = List.copyOf(steps);
        Objects.requireNonNull(uses, "uses");
        with = List.copyOf(with);
        secrets = List.copyOf(secrets);
        Objects.requireNonNull(inheritSecrets, "inheritSecrets");
        Objects.requireNonNull(container, "container");
        services = List.copyOf(services);
        Objects.requireNonNull(condition, "condition");
    }
}

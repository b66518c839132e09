package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of a job or composite action.
 *
 * @param index     0-based position in its job
 * @param id        the {@code id:}
 * @param name      the {@code name:}
 * @param location  span of the step's mapping
 * @param uses      the action it runs
 * @param run       the script it runs
 * @param with      its {@code with:} inputs
 * @param env       its {@code env:}
 * @param condition its {@code if:}
 */
public record Step(int index, Optional<String> id, Optional<String> name, Location location, Optional<ActionRef> uses,
                   Optional<RunScript> run, List<NamedValue> with, List<NamedValue> env,
                   Optional<Expression> condition) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(uses, "uses");
        Objects.requireNonNull(run, "run");
        with = List.copyOf(with);
        env = List.copyOf(env);
        Objects.requireNonNull(condition, "condition");
    }

    /** The {@code with:} input called {@code name}. */
    public Optional<NamedValue> input(String name) {
        return with.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Whether the step uses the repository action {@code ownerRepo}, any ref. */
    public boolean uses(String ownerRepo) {
        return uses.isPresent() && uses.get().is(ownerRepo);
    }

    /** How the step is called in messages: its name, id, or position. */
    public String label() {
        return name.or(() -> id).orElse("step " + (index + 1));
    }
}

package dev.veritensor.rules.ci.github;

import dev.veritensor.rules.ci.model.ParsedScript;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code run:} of a step.
 *
 * @param value  the value with its expressions
 * @param shell  the shell that runs it, when set by the step or by {@code defaults.run.shell}
 * @param script the value as a shell script, with the environment in scope; empty when the
 *               shell is a language interpreter ({@code python}, {@code node} …) rather than a
 *               command shell
 */
public record RunScript(Value value, Optional<String> shell, Optional<ParsedScript> script) {
    public RunScript {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(script, "script");
    }
}

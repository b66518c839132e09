package dev.veritensor.rules.ci.gitlab;

import dev.veritensor.api.Location;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ParsedScript;

import java.util.List;
import java.util.Objects;

/**
 * A GitLab CI job (or a hidden {@code .template} job that others extend).
 *
 * @param name         the job's key
 * @param nameLocation span of the key
 * @param hidden       whether the key starts with {@code .}
 * @param variables    its {@code variables:}
 * @param scripts      {@code before_script} (its own or the default), {@code script} and
 *                     {@code after_script}, in execution order
 */
public record GitLabJob(String name, Location nameLocation, boolean hidden, List<ConfiguredValue> variables,
                        List<ParsedScript> scripts) {
    public GitLabJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameLocation, "nameLocation");
        variables = List.copyOf(variables);
        scripts = List.copyOf(scripts);
    }
}

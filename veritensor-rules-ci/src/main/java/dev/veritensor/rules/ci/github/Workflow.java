package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.ScriptedJob;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A GitHub Actions workflow ({@code .github/workflows/*.yml}).
 *
 * @param source           the file
 * @param onLocation       span of the {@code on:} key, or of the file's start when it is missing
 * @param triggers         the events that start it
 * @param permissions      the workflow-level {@code permissions:}
 * @param env              the workflow-level {@code env:}
 * @param jobs             its jobs
 * @param expressions      every expression in the file
 * @param scriptedJobs     the jobs' {@code run:} scripts
 * @param parsedScripts    the distinct scripts of {@code scriptedJobs}
 * @param images           the jobs' container and service images
 * @param configuredValues every {@code env:}, {@code with:} and credential value
 */
public record Workflow(Source source, Location onLocation, List<Trigger> triggers, Optional<Permissions> permissions,
                       List<NamedValue> env, List<Job> jobs, List<Expression> expressions,
                       List<ScriptedJob> scriptedJobs, List<ParsedScript> parsedScripts, List<ImageReference> images,
                       List<ConfiguredValue> configuredValues) implements GitHubActionsFile {

    public Workflow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(onLocation, "onLocation");
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(permissions, "permissions");
        env = List.copyOf(env);
        jobs = List.copyOf(jobs);
        expressions = List.copyOf(expressions);
        scriptedJobs = List.copyOf(scriptedJobs);
        parsedScripts = List.copyOf(parsedScripts);
        images = List.copyOf(images);
        configuredValues = List.copyOf(configuredValues);
    }

    @Override
    public String kind() {
        return "github-workflow";
    }

    @Override
    public List<Step> steps() {
        return jobs.stream().flatMap(j -> j.steps().stream()).toList();
    }

    /** The trigger for {@code event}. */
    public Optional<Trigger> trigger(String event) {
        return triggers.stream().filter(t -> t.event().equals(event)).findFirst();
    }
}

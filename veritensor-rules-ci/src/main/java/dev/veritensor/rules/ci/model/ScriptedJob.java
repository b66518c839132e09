package dev.veritensor.rules.ci.model;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * The scripts one CI job runs, in execution order: the {@code run:} steps of a GitHub Actions job
 * or composite action, a GitLab job's {@code before_script}, {@code script} and
 * {@code after_script}, the {@code RUN} instructions of a Dockerfile build stage. Rules that relate
 * commands of one job (a download and its later verification) read these.
 *
 * @param name     the job's name, e.g. {@code build} or {@code stage runtime}
 * @param location where the job is declared
 * @param scripts  its scripts in order
 */
public record ScriptedJob(String name, Location location, List<ParsedScript> scripts) {
    public ScriptedJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        scripts = List.copyOf(scripts);
    }
}

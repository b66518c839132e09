package dev.veritensor.rules.ci.gitlab;

import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;

import java.util.List;
import java.util.Objects;

/**
 * A GitLab CI configuration file ({@code .gitlab-ci.yml} or a file it includes locally).
 *
 * @param source           the file
 * @param includes         its {@code include:} entries
 * @param jobs             its jobs
 * @param scriptedJobs     the jobs' scripts
 * @param parsedScripts    the distinct scripts of {@code scriptedJobs}
 * @param images           every {@code image:} and {@code services:} entry
 * @param configuredValues every {@code variables:} entry
 */
public record GitLabPipeline(Source source, List<GitLabInclude> includes, List<GitLabJob> jobs,
                             List<ScriptedJob> scriptedJobs, List<ParsedScript> parsedScripts,
                             List<ImageReference> images, List<ConfiguredValue> configuredValues)
        implements PipelineDocument {

    public GitLabPipeline {
        Objects.requireNonNull(source, "source");
        includes = List.copyOf(includes);
        jobs = List.copyOf(jobs);
        scriptedJobs = List.copyOf(scriptedJobs);
        parsedScripts = List.copyOf(parsedScripts);
        images = List.copyOf(images);
        configuredValues = List.copyOf(configuredValues);
    }

    @Override
    public String kind() {
        return "gitlab-ci";
    }
}

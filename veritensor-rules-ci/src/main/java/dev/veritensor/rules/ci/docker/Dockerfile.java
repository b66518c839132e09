package dev.veritensor.rules.ci.docker;

import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;

import java.util.List;
import java.util.Objects;

/**
 * A Dockerfile (or Containerfile).
 *
 * @param source           the file
 * @param stages           its build stages
 * @param scriptedJobs     each stage's {@code RUN} scripts
 * @param parsedScripts    the distinct scripts of {@code scriptedJobs}
 * @param images           {@code FROM} and {@code COPY --from} images
 * @param configuredValues {@code ENV} values and {@code ARG} defaults
 */
public record Dockerfile(Source source, List<DockerStage> stages, List<ScriptedJob> scriptedJobs,
                         List<ParsedScript> parsedScripts, List<ImageReference> images,
                         List<ConfiguredValue> configuredValues) implements PipelineDocument {

    public Dockerfile {
        Objects.requireNonNull(source, "source");
        stages = List.copyOf(stages);
        scriptedJobs = List.copyOf(scriptedJobs);
        parsedScripts = List.copyOf(parsedScripts);
        images = List.copyOf(images);
        configuredValues = List.copyOf(configuredValues);
    }

    @Override
    public String kind() {
        return "dockerfile";
    }
}

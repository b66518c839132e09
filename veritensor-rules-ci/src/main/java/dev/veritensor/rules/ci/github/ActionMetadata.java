package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.ScriptedJob;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An action's metadata file ({@code action.yml}): for composite actions its steps, for Docker
 * actions its image.
 *
 * @param source           the file
 * @param using            {@code runs.using}: {@code composite}, {@code docker}, {@code node20} …
 * @param steps            the steps of a composite action
 * @param image            {@code runs.image} of a Docker action
 * @param expressions      every expression in the file
 * @param scriptedJobs     the composite steps' scripts, as one job
 * @param parsedScripts    the distinct scripts of {@code scriptedJobs}
 * @param images           images the action names
 * @param configuredValues every {@code env:} and {@code with:} value
 */
public record ActionMetadata(Source source, Optional<String> using, List<Step> steps, Optional<ActionRef> image,
                             List<Expression> expressions, List<ScriptedJob> scriptedJobs,
                             List<ParsedScript> parsedScripts, List<ImageReference> images,
                             List<ConfiguredValue> configuredValues)
        implements GitHubActionsFile {

    public ActionMetadata {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(using, "using");
        steps = List.copyOf(steps);
        Objects.requireNonNull(image, "image");
        expressions = List.copyOf(expressions);
        scriptedJobs = List.copyOf(scriptedJobs);
        parsedScripts = List.copyOf(parsedScripts);
        images = List.copyOf(images);
        configuredValues = List.copyOf(configuredValues);
    }

    @Override
    public String kind() {
        return "github-action";
    }
}

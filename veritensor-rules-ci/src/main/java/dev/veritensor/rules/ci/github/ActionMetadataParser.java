package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;
import dev.veritensor.rules.ci.yaml.YamlMaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads GitHub Actions action metadata ({@code action.yml}, {@code action.yaml}): the steps of
 * composite actions and the image of Docker actions.
 */
public final class ActionMetadataParser implements DocumentParser {

    @Override
    public String id() {
        return "ci/github-action";
    }

    @Override
    public boolean accepts(Source source) {
        String name = source.fileName();
        return name.equals("action.yml") || name.equals("action.yaml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        SourceText text = context.text(source);
        Optional<MapNode> root = GitHubFiles.root(context.formats().yaml(text), source, "action");
        if (root.isEmpty()) {
            return List.of();
        }
        GitHubReader reader = new GitHubReader(text, context, root.get());
        Optional<MapNode> runs = root.get().map("runs");
        List<Step> steps = runs.map(r -> reader.steps(r, List.of(), Optional.empty())).orElse(List.of());
        Optional<ActionRef> image = runs.flatMap(r -> r.scalar("image"))
                .filter(s -> s.value().startsWith("docker://"))
                .map(reader::actionRef);
        List<ParsedScript> scripts = new ArrayList<>();
        for (Step s : steps) {
            s.run().flatMap(RunScript::script).ifPresent(scripts::add);
        }
        Location at = runs.map(MapNode::location).orElse(Location.ofFile(source.path()));
        List<ScriptedJob> jobs = scripts.isEmpty() ? List.of()
                : List.of(new ScriptedJob(YamlMaps.string(root.get(), "name").orElse(source.path()), at, scripts));
        return List.of(new ActionMetadata(source, runs.flatMap(r -> YamlMaps.string(r, "using")), steps, image,
                reader.expressions(), jobs, PipelineDocument.distinctScripts(jobs), reader.images(),
                reader.configuredValues()));
    }
}

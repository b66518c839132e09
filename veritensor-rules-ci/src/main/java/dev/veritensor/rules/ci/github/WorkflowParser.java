package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;
import dev.veritensor.rules.ci.yaml.YamlMaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads GitHub Actions workflows: YAML files directly inside a {@code .github/workflows}
 * directory. Keys that are absent or of an unexpected shape are left out of the model; a file
 * whose top level is not a mapping is not a workflow.
 */
public final class WorkflowParser implements DocumentParser {

    private static final Pattern PATH = Pattern.compile("(.*/)?\\.github/workflows/[^/]+\\.ya?ml");

    @Override
    public String id() {
        return "ci/github-workflow";
    }

    @Override
    public boolean accepts(Source source) {
        return PATH.matcher(source.path()).matches();
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        SourceText text = context.text(source);
        Optional<MapNode> root = GitHubFiles.root(context.formats().yaml(text), source, "workflow");
        if (root.isEmpty()) {
            return List.of();
        }
        return List.of(read(source, text, context, root.get()));
    }

    private static Workflow read(Source source, SourceText text, ParseContext context, MapNode root) {
        GitHubReader reader = new GitHubReader(text, context, root);
        List<NamedValue> env = reader.namedValues(root, "env", "env");
        Optional<String> shell = reader.defaultShell(root);
        List<Job> jobs = new ArrayList<>();
        List<ScriptedJob> scripted = new ArrayList<>();
        root.map("jobs").ifPresent(m -> {
            for (MapNode.Entry e : m.entries()) {
                if (e.value() instanceof MapNode job) {
                    Job j = job(reader, e, job, env, shell);
                    jobs.add(j);
                    List<ParsedScript> scripts = new ArrayList<>();
                    for (Step s : j.steps()) {
                        s.run().flatMap(RunScript::script).ifPresent(scripts::add);
                    }
                    if (!scripts.isEmpty()) {
                        scripted.add(new ScriptedJob(j.id(), j.idLocation(), scripts));
                    }
                }
            }
        });
        Optional<MapNode.Entry> on = root.entry("on");
        Location onLocation = on.map(e -> e.key().location()).orElse(Location.ofFile(source.path()));
        return new Workflow(source, onLocation, on.map(e -> triggers(e.value())).orElse(List.of()),
                root.get("permissions").map(GitHubFiles::permissions), env, jobs, reader.expressions(),
                scripted, PipelineDocument.distinctScripts(scripted), reader.images(), reader.configuredValues());
    }

    private static Job job(GitHubReader reader, MapNode.Entry entry, MapNode job, List<NamedValue> workflowEnv,
                           Optional<String> workflowShell) {
        List<NamedValue> jobEnv = reader.namedValues(job, "env", "env");
        List<NamedValue> scope = new ArrayList<>(workflowEnv);
        scope.addAll(jobEnv);
        Optional<String> shell = reader.defaultShell(job).or(() -> workflowShell);
        Optional<Node> secrets = job.get("secrets");
        Optional<Location> inherit = secrets.flatMap(Node::asScalar).filter(s -> s.value().equals("inherit"))
                .map(ScalarNode::location);
        List<Container> services = new ArrayList<>();
        job.map("services").ifPresent(m -> {
            for (MapNode.Entry s : m.entries()) {
                reader.container(s.value(), "services").ifPresent(services::add);
            }
        });
        return new Job(entry.name(), entry.key().location(),
                job.get("runs-on").map(r -> runsOn(reader, r, job)),
                job.get("permissions").map(GitHubFiles::permissions),
                jobEnv,
                reader.steps(job, scope, shell),
                job.scalar("uses").map(reader::actionRef),
                reader.namedValues(job, "with", "with"),
                reader.namedValues(job, "secrets", "secrets"),
                inherit,
                job.get("container").flatMap(c -> reader.container(c, "container")),
                services,
                reader.condition(job));
    }

    private static List<Trigger> triggers(Node on) {
        List<Trigger> out = new ArrayList<>();
        if (on instanceof ScalarNode s) {
            out.add(new Trigger(s.value(), s.location(), List.of()));
        } else if (on instanceof ListNode l) {
            for (Node item : l.items()) {
                item.asScalar().ifPresent(s -> out.add(new Trigger(s.value(), s.location(), List.of())));
            }
        } else if (on instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                List<String> tags = new ArrayList<>();
                e.value().asMap().flatMap(c -> c.get("tags")).ifPresent(t ->
                        YamlMaps.items(t).forEach(i -> i.text().ifPresent(tags::add)));
                out.add(new Trigger(e.name(), e.key().location(), tags));
            }
        }
        return out;
    }

    /**
     * The job's runner labels. A label that is exactly {@code ${{ matrix.key }}} is replaced by
     * the values the job's matrix lists for that key.
     */
    private static RunsOn runsOn(GitHubReader reader, Node node, MapNode job) {
        List<Value> labels = new ArrayList<>();
        List<Value> matrixLabels = new ArrayList<>();
        Optional<Value> group = Optional.empty();
        List<Node> labelNodes = new ArrayList<>();
        if (node instanceof MapNode m) {
            group = reader.value(m, "group");
            m.get("labels").ifPresent(l -> labelNodes.addAll(YamlMaps.items(l)));
        } else {
            labelNodes.addAll(YamlMaps.items(node));
        }
        for (Node n : labelNodes) {
            if (n instanceof ScalarNode s) {
                Optional<String> matrixKey = GitHubFiles.matrixReference(s.value());
                if (matrixKey.isPresent()) {
                    List<ScalarNode> values = GitHubFiles.matrixValues(job, matrixKey.get());
                    if (!values.isEmpty()) {
                        values.forEach(v -> matrixLabels.add(reader.value(v)));
                        continue;
                    }
                }
                labels.add(reader.value(s));
            }
        }
        return new RunsOn(labels, matrixLabels, group, node.location());
    }
}

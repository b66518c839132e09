package dev.veritensor.rules.ci.gitlab;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;
import dev.veritensor.rules.ci.yaml.ScalarText;
import dev.veritensor.rules.ci.yaml.YamlMaps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads GitLab CI configuration: {@code .gitlab-ci.yml} and, through
 * {@link ParseContext#include}, the files it includes with {@code include: local}. Local paths
 * are relative to the repository root, which is taken to be the scan root; wildcard and
 * variable paths are not followed. Jobs inherit {@code before_script}/{@code after_script} from
 * {@code default:} (or the deprecated top-level keys) unless they set their own or switch
 * inheritance off. Hidden jobs (keys starting with {@code .}) are templates, not jobs: GitLab never
 * runs them, so they are listed in {@link GitLabPipeline#jobs()} but their scripts are analysed
 * only where a job uses them, through a YAML anchor or through {@code extends:} naming a template
 * of the same file (a job's own script keys win over its templates', later templates over earlier
 * ones; templates in other files are not followed).
 */
public final class GitLabCiParser implements DocumentParser {

    private static final Set<String> GLOBAL_KEYS = Set.of("default", "include", "stages", "variables", "workflow",
            "image", "services", "cache", "before_script", "after_script", "types", "spec");
    private static final int MAX_EXTENDS_DEPTH = 11;
    private static final List<String> SCRIPT_KEYS = List.of("before_script", "script", "after_script");

    @Override
    public String id() {
        return "ci/gitlab-ci";
    }

    @Override
    public boolean accepts(Source source) {
        String name = source.fileName();
        return name.equals(".gitlab-ci.yml") || name.equals(".gitlab-ci.yaml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        SourceText text = context.text(source);
        List<Document> out = new ArrayList<>();
        for (Node doc : context.formats().yaml(text)) {
            if (doc instanceof MapNode root && !isHeader(root)) {
                out.add(new Reader(source, text, context).read(root));
            }
        }
        return out;
    }

    /** The {@code spec:} header document of a CI/CD component or input-taking file. */
    private static boolean isHeader(MapNode root) {
        return root.entries().size() == 1 && root.entry("spec").isPresent();
    }

    /** State of one parse. */
    private static final class Reader {
        private final Source source;
        private final SourceText text;
        private final ParseContext context;
        private final List<ImageReference> images = new ArrayList<>();
        private final List<ConfiguredValue> configured = new ArrayList<>();

        Reader(Source source, SourceText text, ParseContext context) {
            this.source = source;
            this.text = text;
            this.context = context;
        }

        GitLabPipeline read(MapNode root) {
            List<GitLabInclude> includes = new ArrayList<>();
            root.get("include").ifPresent(i -> includes(i, includes));
            List<ConfiguredValue> globalVariables = variables(root);
            Optional<MapNode> defaults = root.map("default");
            defaults.ifPresent(this::images);
            images(root);
            Map<String, MapNode> definitions = new HashMap<>();
            for (MapNode.Entry e : root.entries()) {
                if (!GLOBAL_KEYS.contains(e.name()) && e.value() instanceof MapNode job) {
                    definitions.putIfAbsent(e.name(), job);
                }
            }
            List<GitLabJob> jobs = new ArrayList<>();
            for (MapNode.Entry e : root.entries()) {
                if (!GLOBAL_KEYS.contains(e.name()) && e.value() instanceof MapNode job) {
                    jobs.add(job(e, job, root, defaults, globalVariables, definitions));
                }
            }
            List<ScriptedJob> scripted = new ArrayList<>();
            for (GitLabJob j : jobs) {
                if (!j.hidden() && !j.scripts().isEmpty()) {
                    scripted.add(new ScriptedJob(j.name(), j.nameLocation(), j.scripts()));
                }
            }
            images.sort((a, b) -> a.location().compareTo(b.location()));
            configured.sort((a, b) -> a.valueLocation().compareTo(b.valueLocation()));
            return new GitLabPipeline(source, includes, jobs, scripted, PipelineDocument.distinctScripts(scripted),
                    images, configured);
        }

        private GitLabJob job(MapNode.Entry entry, MapNode job, MapNode root, Optional<MapNode> defaults,
                              List<ConfiguredValue> globalVariables, Map<String, MapNode> definitions) {
            images(job);
            boolean hidden = entry.name().startsWith(".");
            List<ConfiguredValue> jobVariables = variables(job);
            List<Script.EnvVar> env = new ArrayList<>();
            for (ConfiguredValue v : globalVariables) {
                env.add(new Script.EnvVar(v.name(), v.value(), v.valueLocation()));
            }
            for (ConfiguredValue v : jobVariables) {
                env.add(new Script.EnvVar(v.name(), v.value(), v.valueLocation()));
            }
            List<ParsedScript> scripts = new ArrayList<>();
            for (String key : SCRIPT_KEYS) {
                Optional<Node> value = job.get(key).or(() -> extended(job, key, definitions, 0, new HashSet<>()));
                if (value.isEmpty() && !key.equals("script") && !hidden && inheritsDefault(job, key)) {
                    value = defaults.flatMap(d -> d.get(key)).or(() -> root.get(key));
                }
                value.flatMap(v -> script(key, v, env)).ifPresent(scripts::add);
            }
            return new GitLabJob(entry.name(), entry.key().location(), hidden, jobVariables, scripts);
        }

        /**
         * The value of {@code key} a job takes from the templates it {@code extends:} (the last
         * template defining it wins; a template's own {@code extends:} is followed up to GitLab's
         * depth of 11; each template is searched once, which also ends cycles).
         */
        private static Optional<Node> extended(MapNode job, String key, Map<String, MapNode> definitions,
                                               int depth, Set<String> searched) {
            if (depth >= MAX_EXTENDS_DEPTH) {
                return Optional.empty();
            }
            Optional<Node> extendsValue = job.get("extends");
            if (extendsValue.isEmpty()) {
                return Optional.empty();
            }
            List<Node> parents = new ArrayList<>(YamlMaps.items(extendsValue.get()));
            Collections.reverse(parents);
            for (Node parent : parents) {
                Optional<MapNode> template = parent.text().filter(searched::add).map(definitions::get);
                if (template.isPresent()) {
                    Optional<Node> value = template.get().get(key)
                            .or(() -> extended(template.get(), key, definitions, depth + 1, searched));
                    if (value.isPresent()) {
                        return value;
                    }
                }
            }
            return Optional.empty();
        }

        /** Whether the job inherits {@code key} from {@code default:} ({@code inherit: default:}). */
        private static boolean inheritsDefault(MapNode job, String key) {
            Optional<Node> inherit = job.map("inherit").flatMap(i -> i.get("default"));
            if (inherit.isEmpty()) {
                return true;
            }
            Node n = inherit.get();
            if (n instanceof ScalarNode s) {
                return !s.value().equalsIgnoreCase("false");
            }
            return n.asList().map(l -> l.items().stream().anyMatch(i -> i.text().filter(key::equals).isPresent()))
                    .orElse(true);
        }

        /** A script key's value (a string or a list of strings, nested lists flattened) as one script. */
        private Optional<ParsedScript> script(String key, Node value, List<Script.EnvVar> env) {
            List<Script.Line> lines = new ArrayList<>();
            List<Node> items = new ArrayList<>(YamlMaps.items(value));
            for (Node item : items) {
                if (item instanceof ScalarNode s) {
                    lines.addAll(lines(s));
                } else if (item instanceof ListNode nested) {
                    for (Node inner : nested.items()) {
                        inner.asScalar().ifPresent(s -> lines.addAll(lines(s)));
                    }
                }
            }
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ParsedScript.of(new Script(key, lines, env, value.location())));
        }

        private List<Script.Line> lines(ScalarNode s) {
            if (s.type() == ScalarNode.Type.NULL) {
                return List.of();
            }
            return ScalarText.of(s, text).lines();
        }

        private List<ConfiguredValue> variables(MapNode map) {
            List<ConfiguredValue> out = new ArrayList<>();
            map.map("variables").ifPresent(vars -> {
                for (MapNode.Entry e : vars.entries()) {
                    Optional<ScalarNode> value = e.value() instanceof MapNode m ? m.scalar("value")
                            : e.value().asScalar();
                    value.ifPresent(v -> out.add(new ConfiguredValue("variables", e.name(), v.value(),
                            e.key().location(), v.location())));
                }
            });
            configured.addAll(out);
            return out;
        }

        private void images(MapNode map) {
            map.get("image").ifPresent(i -> image(i, "image"));
            map.list("services").ifPresent(l -> l.items().forEach(i -> image(i, "services")));
        }

        private void image(Node node, String origin) {
            Optional<ScalarNode> name = node instanceof MapNode m ? m.scalar("name") : node.asScalar();
            name.filter(n -> n.type() != ScalarNode.Type.NULL && !n.value().isBlank())
                    .ifPresent(n -> images.add(new ImageReference(n.value().trim(), origin, n.location())));
        }

        // ---- includes --------------------------------------------------------------------------

        private void includes(Node node, List<GitLabInclude> out) {
            for (Node item : YamlMaps.items(node)) {
                if (item instanceof ScalarNode s) {
                    String v = s.value().trim();
                    boolean remote = v.startsWith("https://") || v.startsWith("http://");
                    add(new GitLabInclude(remote ? GitLabInclude.Kind.REMOTE : GitLabInclude.Kind.LOCAL, v,
                            Optional.empty(), Optional.empty(), s.location()), out);
                } else if (item instanceof MapNode m) {
                    include(m).ifPresent(i -> add(i, out));
                }
            }
        }

        private Optional<GitLabInclude> include(MapNode m) {
            Optional<String> integrity = YamlMaps.string(m, "integrity");
            if (YamlMaps.string(m, "local").isPresent()) {
                return Optional.of(new GitLabInclude(GitLabInclude.Kind.LOCAL, YamlMaps.string(m, "local").get(),
                        Optional.empty(), integrity, m.location()));
            }
            if (YamlMaps.string(m, "remote").isPresent()) {
                return Optional.of(new GitLabInclude(GitLabInclude.Kind.REMOTE, YamlMaps.string(m, "remote").get(),
                        Optional.empty(), integrity, m.location()));
            }
            if (YamlMaps.string(m, "project").isPresent()) {
                return Optional.of(new GitLabInclude(GitLabInclude.Kind.PROJECT, YamlMaps.string(m, "project").get(),
                        YamlMaps.string(m, "ref"), integrity, m.location()));
            }
            if (YamlMaps.string(m, "template").isPresent()) {
                return Optional.of(new GitLabInclude(GitLabInclude.Kind.TEMPLATE, YamlMaps.string(m, "template").get(),
                        Optional.empty(), integrity, m.location()));
            }
            return YamlMaps.string(m, "component").map(c -> {
                int at = c.lastIndexOf('@');
                return new GitLabInclude(GitLabInclude.Kind.COMPONENT, at < 0 ? c : c.substring(0, at),
                        at < 0 ? Optional.empty() : Optional.of(c.substring(at + 1)), integrity, m.location());
            });
        }

        /** Records the include and schedules a local file for parsing. */
        private void add(GitLabInclude include, List<GitLabInclude> out) {
            out.add(include);
            String path = include.target();
            if (include.kind() == GitLabInclude.Kind.LOCAL && path.indexOf('*') < 0 && path.indexOf('$') < 0) {
                context.include(source, fromRoot(path), include.location());
            }
        }

        /** A repository-root path made relative to the directory of the file being parsed. */
        private String fromRoot(String path) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            String from = source.path();
            int depth = 0;
            for (int i = 0; i < from.length(); i++) {
                if (from.charAt(i) == '/') {
                    depth++;
                }
            }
            return "../".repeat(depth) + relative;
        }
    }
}

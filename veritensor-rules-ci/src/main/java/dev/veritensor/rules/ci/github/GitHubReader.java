package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.ci.expression.ExpressionParser;
import dev.veritensor.rules.ci.expression.ExpressionSyntaxException;
import dev.veritensor.rules.ci.expression.Expr;
import dev.veritensor.rules.ci.expression.Placeholder;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.yaml.ScalarText;
import dev.veritensor.rules.ci.yaml.YamlMaps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the model elements shared by workflows and action metadata from core's YAML tree: values
 * with their expressions, {@code env:} and {@code with:} mappings, steps with their scripts and
 * {@code uses:} targets, containers. It also gathers, while reading, every expression of the file,
 * the configured values and the images, for the document's capability views.
 *
 * <p>One reader serves one parse of one file; it is not thread-safe.
 */
final class GitHubReader {

    /** Shells that are language interpreters: their {@code run:} is not a shell script. */
    private static final Set<String> INTERPRETER_SHELLS = Set.of("python", "python3", "node", "perl", "ruby");

    private final SourceText text;
    private final ParseContext context;
    private final Map<ScalarNode, List<Expression>> expressionsByNode = new IdentityHashMap<>();
    private final List<Expression> expressions = new ArrayList<>();
    private final List<ConfiguredValue> configured = new ArrayList<>();
    private final List<ImageReference> images = new ArrayList<>();

    GitHubReader(SourceText text, ParseContext context, Node root) {
        this.text = text;
        this.context = context;
        collectExpressions(root);
    }

    /** Every expression of the file, in source order. */
    List<Expression> expressions() {
        return expressions;
    }

    /** The values read through {@link #namedValues}, in source order. */
    List<ConfiguredValue> configuredValues() {
        List<ConfiguredValue> out = new ArrayList<>(configured);
        out.sort((a, b) -> a.valueLocation().compareTo(b.valueLocation()));
        return out;
    }

    /** The images read through {@link #container}, in source order. */
    List<ImageReference> images() {
        List<ImageReference> out = new ArrayList<>(images);
        out.sort((a, b) -> a.location().compareTo(b.location()));
        return out;
    }

    // ---- expressions ---------------------------------------------------------------------------

    /** Parses every placeholder and {@code if:} condition once, walking the tree without recursion. */
    private void collectExpressions(Node root) {
        Deque<Node> stack = new ArrayDeque<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (visited.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (node instanceof MapNode m) {
                for (MapNode.Entry e : m.entries()) {
                    if (e.name().equals("if") && e.value() instanceof ScalarNode s && !s.value().contains("${{")
                            && !visited.containsKey(s)) {
                        visited.put(s, Boolean.TRUE);
                        expressionsByNode.put(s, condition(s));
                    } else {
                        stack.push(e.value());
                    }
                }
            } else if (node instanceof ListNode l) {
                l.items().forEach(stack::push);
            } else if (node instanceof ScalarNode s && s.value().contains("${{")) {
                expressionsByNode.put(s, placeholders(s));
            }
        }
        expressionsByNode.values().forEach(expressions::addAll);
        expressions.sort((a, b) -> a.location().compareTo(b.location()));
    }

    private List<Expression> placeholders(ScalarNode node) {
        ScalarText st = ScalarText.of(node, text);
        List<Expression> out = new ArrayList<>();
        for (Placeholder p : Placeholder.scan(node.value())) {
            Location at = st.span(p.start(), p.end());
            if (p.expression().isPresent()) {
                out.add(new Expression(p.inner(), p.expression().get(), at));
            } else {
                context.report(Diagnostic.warning("expression-syntax-error", at,
                        "not a valid GitHub Actions expression: " + p.problem()));
            }
        }
        return out;
    }

    private List<Expression> condition(ScalarNode node) {
        String v = node.value();
        if (node.type() != ScalarNode.Type.STRING || v.isBlank()) {
            return List.of();
        }
        int from = 0;
        while (from < v.length() && Character.isWhitespace(v.charAt(from))) {
            from++;
        }
        int to = v.length();
        while (to > from && Character.isWhitespace(v.charAt(to - 1))) {
            to--;
        }
        Location at = ScalarText.of(node, text).span(from, to);
        try {
            Expr tree = ExpressionParser.parse(v);
            return List.of(new Expression(v.substring(from, to), tree, at));
        } catch (ExpressionSyntaxException e) {
            context.report(Diagnostic.warning("expression-syntax-error", at,
                    "not a valid GitHub Actions expression: " + e.getMessage() + " at offset " + e.offset()
                            + " of the condition"));
            return List.of();
        }
    }

    // ---- values --------------------------------------------------------------------------------

    /** The scalar as a value with its expressions. */
    Value value(ScalarNode node) {
        return new Value(node.value(), node.location(), expressionsByNode.getOrDefault(node, List.of()));
    }

    /** The scalar under {@code key} as a value. */
    Optional<Value> value(MapNode map, String key) {
        return map.scalar(key).map(this::value);
    }

    /** The {@code if:} under {@code map}. */
    Optional<Expression> condition(MapNode map) {
        return map.scalar("if").flatMap(s -> expressionsByNode.getOrDefault(s, List.of()).stream().findFirst());
    }

    /**
     * The scalar entries of the mapping under {@code key} ({@code env:}, {@code with:}); also
     * recorded as configured values of {@code section}.
     */
    List<NamedValue> namedValues(MapNode map, String key, String section) {
        Optional<MapNode> m = map.map(key);
        if (m.isEmpty()) {
            return List.of();
        }
        List<NamedValue> out = new ArrayList<>();
        for (MapNode.Entry e : m.get().entries()) {
            if (e.value() instanceof ScalarNode s) {
                NamedValue nv = new NamedValue(e.name(), e.key().location(), value(s));
                out.add(nv);
                configured.add(new ConfiguredValue(section, nv.name(), s.value(), nv.nameLocation(), s.location()));
            }
        }
        return out;
    }

    /** The {@code shell:} of {@code defaults.run} under {@code map}. */
    Optional<String> defaultShell(MapNode map) {
        return map.map("defaults").flatMap(d -> d.map("run")).flatMap(r -> YamlMaps.string(r, "shell"));
    }

    // ---- steps ---------------------------------------------------------------------------------

    /**
     * The steps under {@code key} of {@code map}.
     *
     * @param outerEnv     the environment of the enclosing workflow and job, outermost first
     * @param defaultShell the enclosing {@code defaults.run.shell}
     */
    List<Step> steps(MapNode map, List<NamedValue> outerEnv, Optional<String> defaultShell) {
        Optional<ListNode> list = map.list("steps");
        if (list.isEmpty()) {
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        int index = 0;
        for (Node item : list.get().items()) {
            if (item instanceof MapNode step) {
                out.add(step(index, step, outerEnv, defaultShell));
            }
            index++;
        }
        return out;
    }

    private Step step(int index, MapNode step, List<NamedValue> outerEnv, Optional<String> defaultShell) {
        List<NamedValue> env = namedValues(step, "env", "env");
        Optional<ActionRef> uses = step.scalar("uses").map(this::actionRef);
        Optional<String> shell = YamlMaps.string(step, "shell").or(() -> defaultShell);
        Optional<RunScript> run = step.scalar("run").map(r -> {
            List<NamedValue> scope = new ArrayList<>(outerEnv);
            scope.addAll(env);
            return runScript(r, shell, scope);
        });
        return new Step(index, YamlMaps.string(step, "id"), YamlMaps.string(step, "name"), step.location(), uses, run,
                namedValues(step, "with", "with"), env, condition(step));
    }

    private RunScript runScript(ScalarNode node, Optional<String> shell, List<NamedValue> scope) {
        Value value = value(node);
        boolean interpreter = shell.map(s -> s.trim().split("\\s+")[0].toLowerCase(Locale.ROOT))
                .filter(INTERPRETER_SHELLS::contains).isPresent();
        if (interpreter) {
            return new RunScript(value, shell, Optional.empty());
        }
        List<Script.EnvVar> env = new ArrayList<>();
        for (NamedValue v : scope) {
            env.add(new Script.EnvVar(v.name(), v.value().text(), v.value().location()));
        }
        Script script = new Script("run", ScalarText.of(node, text).lines(), env, node.location());
        return new RunScript(value, shell, Optional.of(ParsedScript.of(script)));
    }

    /** Reads a {@code uses:} value. */
    ActionRef actionRef(ScalarNode node) {
        String v = node.value();
        Location loc = node.location();
        Location insertAfter = new Location(loc.path(), loc.endLine(), loc.endColumn(), loc.endLine(), loc.endColumn());
        Optional<String> comment = trailingComment(loc);
        if (v.startsWith("./") || v.startsWith(".\\") || v.equals(".")) {
            return new ActionRef(v, ActionRef.Kind.LOCAL, "", "", v, Optional.empty(), loc, Optional.empty(),
                    insertAfter, comment);
        }
        if (v.startsWith("docker://")) {
            return new ActionRef(v, ActionRef.Kind.DOCKER, "", "", v.substring("docker://".length()), Optional.empty(),
                    loc, Optional.empty(), insertAfter, comment);
        }
        int at = v.lastIndexOf('@');
        String target = at < 0 ? v : v.substring(0, at);
        Optional<String> ref = at < 0 ? Optional.empty() : Optional.of(v.substring(at + 1));
        Optional<Location> refLocation = at < 0 ? Optional.empty()
                : Optional.of(ScalarText.of(node, text).span(at + 1, v.length()));
        String[] parts = target.split("/", 3);
        String owner = parts[0];
        String repo = parts.length > 1 ? parts[1] : "";
        String path = parts.length > 2 ? parts[2] : "";
        return new ActionRef(v, ActionRef.Kind.REPOSITORY, owner, repo, path, ref, loc, refLocation, insertAfter,
                comment);
    }

    private Optional<String> trailingComment(Location loc) {
        if (loc.startLine() != loc.endLine() || loc.endLine() > text.lineCount()) {
            return Optional.empty();
        }
        String line = text.line(loc.endLine());
        int from = Math.min(line.length(), loc.endColumn() - 1);
        String rest = line.substring(from).trim();
        return rest.startsWith("#") ? Optional.of(rest.substring(1).trim()) : Optional.empty();
    }

    // ---- containers ----------------------------------------------------------------------------

    /** A {@code container:} or service value (an image string or a mapping with {@code image:}). */
    Optional<Container> container(Node node, String origin) {
        if (node instanceof ScalarNode s) {
            if (s.type() == ScalarNode.Type.NULL || s.value().isBlank()) {
                return Optional.empty();
            }
            Value image = value(s);
            images.add(new ImageReference(s.value(), origin, s.location()));
            return Optional.of(new Container(image, List.of(), List.of(), s.location()));
        }
        if (node instanceof MapNode m) {
            Optional<ScalarNode> image = m.scalar("image");
            if (image.isEmpty()) {
                return Optional.empty();
            }
            images.add(new ImageReference(image.get().value(), origin, image.get().location()));
            return Optional.of(new Container(value(image.get()), namedValues(m, "env", "env"),
                    namedValues(m, "credentials", "credentials"), m.location()));
        }
        return Optional.empty();
    }
}

package dev.veritensor.rules.ci.github;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.ci.yaml.YamlMaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading steps shared by the workflow and action metadata parsers that need no parse state. */
final class GitHubFiles {

    private static final Pattern MATRIX_REFERENCE =
            Pattern.compile("\\s*\\$\\{\\{\\s*matrix\\.([A-Za-z0-9_-]+)\\s*}}\\s*");

    private GitHubFiles() {
    }

    /**
     * The file's top-level mapping: the first YAML document. Empty for an empty file.
     *
     * @throws DocumentParseException when the top level is something other than a mapping
     */
    static Optional<MapNode> root(List<Node> documents, Source source, String what) throws DocumentParseException {
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        Node first = documents.get(0);
        if (first instanceof MapNode m) {
            return Optional.of(m);
        }
        if (first instanceof ScalarNode s && s.type() == ScalarNode.Type.NULL) {
            return Optional.empty();
        }
        throw new DocumentParseException("not a GitHub Actions " + what + " (" + source.path()
                + "): the top level is not a mapping", first.location());
    }

    /** A {@code permissions:} value. */
    static Permissions permissions(Node node) {
        if (node instanceof MapNode m) {
            List<Permissions.Scope> scopes = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                e.value().text().ifPresent(level -> scopes.add(new Permissions.Scope(e.name(), level,
                        e.key().location())));
            }
            return new Permissions(Optional.empty(), scopes, m.location());
        }
        return new Permissions(node.text(), List.of(), node.location());
    }

    /** The matrix key of a value that is exactly {@code ${{ matrix.key }}}. */
    static Optional<String> matrixReference(String value) {
        Matcher m = MATRIX_REFERENCE.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The scalar values the job's {@code strategy.matrix} gives {@code key}: its list (lists of
     * lists flattened) and the {@code include:} entries that set it.
     */
    static List<ScalarNode> matrixValues(MapNode job, String key) {
        List<ScalarNode> out = new ArrayList<>();
        Optional<MapNode> matrix = job.map("strategy").flatMap(s -> s.map("matrix"));
        if (matrix.isEmpty()) {
            return out;
        }
        matrix.get().get(key).ifPresent(v -> addScalars(v, out));
        matrix.get().list("include").ifPresent(l -> {
            for (Node item : l.items()) {
                item.asMap().flatMap(m -> m.get(key)).ifPresent(v -> addScalars(v, out));
            }
        });
        return out;
    }

    private static void addScalars(Node node, List<ScalarNode> out) {
        for (Node item : YamlMaps.items(node)) {
            if (item instanceof ScalarNode s) {
                out.add(s);
            } else {
                item.asList().ifPresent(l -> l.items().forEach(i -> i.asScalar().ifPresent(out::add)));
            }
        }
    }
}

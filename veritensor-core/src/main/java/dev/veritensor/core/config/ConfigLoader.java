package dev.veritensor.core.config;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.Severity;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.core.Limits;
import dev.veritensor.core.format.CoreFormats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Veritensor's configuration from {@code veritensor.toml} or from the
 * {@code [tool.veritensor]} table of {@code pyproject.toml}. Every key is checked: an unknown key
 * or a value of the wrong type is a {@link ConfigException} naming the file, line, column and key.
 *
 * <pre>
 * fail-on = "high"                       # info | low | medium | high | critical
 * exclude = ["tests/fixtures/**"]        # globs over scan paths
 * [rules]
 * disable = ["pip/missing-hash", "gha/*"]
 * [rules.severity]
 * "pip/floating-version" = "low"
 * [rules.options."pip/typosquat"]
 * allow = ["my-internal-lib"]
 * [internal]
 * packages = ["corp-*"]
 * indexes = ["https://pypi.corp.example/simple"]
 * [limits]
 * max-file-size = 10485760
 * </pre>
 */
public final class ConfigLoader {

    /** The configuration file looked for at the scan root. */
    public static final String FILE_NAME = "veritensor.toml";

    private static final Set<String> TOP = Set.of("fail-on", "exclude", "rules", "internal", "limits");
    private static final Set<String> RULES = Set.of("disable", "severity", "options");
    private static final Set<String> INTERNAL = Set.of("packages", "indexes");
    private static final List<String> LIMITS = List.of("max-file-size", "max-nesting-depth", "max-yaml-aliases",
            "max-archive-entries", "max-archive-entry-size", "max-archive-total-size", "max-expansion-ratio",
            "max-archive-depth");
    private static final long MAX_CONFIG_SIZE = 1L << 20;

    private ConfigLoader() {
    }

    /**
     * The configuration at {@code root}: {@code veritensor.toml} if present, else
     * {@code [tool.veritensor]} of {@code pyproject.toml} if that table exists, else empty.
     */
    public static Optional<ScanConfig> discover(Path root) throws ConfigException {
        Path file = root.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return Optional.of(load(file));
        }
        Path pyproject = root.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            String text = read(pyproject);
            MapNode doc = parseToml(pyproject.toString(), text);
            if (doc.path("tool", "veritensor").isPresent()) {
                return Optional.of(fromTree(pyproject.toString(), doc.path("tool", "veritensor").get(), "tool.veritensor."));
            }
        }
        return Optional.empty();
    }

    /** Reads {@code file}: a {@code pyproject.toml} (its {@code [tool.veritensor]} table) or a Veritensor TOML file. */
    public static ScanConfig load(Path file) throws ConfigException {
        String text = read(file);
        boolean pyproject = file.getFileName() != null && file.getFileName().toString().equals("pyproject.toml");
        return parse(file.toString(), text, pyproject);
    }

    /**
     * Parses configuration text. {@code origin} names it in errors.
     *
     * @param pyproject whether the text is a {@code pyproject.toml} whose {@code [tool.veritensor]}
     *                  table holds the configuration (absent table: defaults)
     */
    public static ScanConfig parse(String origin, String text, boolean pyproject) throws ConfigException {
        MapNode doc = parseToml(origin, text);
        if (pyproject) {
            Optional<MapNode> table = doc.path("tool", "veritensor");
            return table.isPresent() ? fromTree(origin, table.get(), "tool.veritensor.") : withOrigin(origin);
        }
        return fromTree(origin, doc, "");
    }

    private static ScanConfig withOrigin(String origin) {
        ScanConfig d = ScanConfig.defaults();
        return new ScanConfig(origin, d.failOn(), d.disabledRules(), d.severityOverrides(), d.ruleOptions(),
                d.exclude(), d.internal(), d.limits());
    }

    private static String read(Path file) throws ConfigException {
        try {
            if (Files.size(file) > MAX_CONFIG_SIZE) {
                throw new ConfigException(file + ": configuration file larger than 1 MiB");
            }
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage(), e);
        }
    }

    private static MapNode parseToml(String origin, String text) throws ConfigException {
        try {
            Node root = new CoreFormats(Limits.DEFAULTS, d -> { }).toml(SourceText.of(origin, text));
            return root.asMap().orElseThrow(() -> new ConfigException(origin + ": not a TOML table"));
        } catch (DocumentParseException e) {
            Location l = e.location();
            throw new ConfigException(origin + ":" + l.startLine() + ":" + l.startColumn() + ": invalid TOML: "
                    + e.getMessage(), e);
        }
    }

    private static ScanConfig fromTree(String origin, MapNode root, String prefix) throws ConfigException {
        Reader r = new Reader(origin, prefix);
        r.checkKeys(root, "", TOP);
        Severity failOn = ScanConfig.DEFAULT_FAIL_ON;
        if (root.get("fail-on").isPresent()) {
            failOn = r.severity(r.scalar(root, "fail-on"), "fail-on");
        }
        List<String> exclude = root.get("exclude").isPresent() ? r.stringList(root, "exclude") : List.of();
        List<String> disabled = List.of();
        Map<String, Severity> severities = new LinkedHashMap<>();
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        Map<String, String> positions = new LinkedHashMap<>();
        if (root.get("rules").isPresent()) {
            MapNode rules = r.map(root, "rules");
            r.checkKeys(rules, "rules.", RULES);
            if (rules.get("disable").isPresent()) {
                disabled = r.stringList(rules, "rules.disable");
                for (Node item : rules.get("disable").flatMap(Node::asList).orElseThrow().items()) {
                    item.asScalar().ifPresent(s -> positions.putIfAbsent(
                            ScanConfig.positionKey("rules.disable", s.value()), position(item)));
                }
            }
            if (rules.get("severity").isPresent()) {
                for (MapNode.Entry e : r.map(rules, "rules.severity").entries()) {
                    String key = "rules.severity.\"" + e.name() + "\"";
                    severities.put(e.name(), r.severity(r.asScalar(e.value(), key), key));
                    positions.put(ScanConfig.positionKey("rules.severity", e.name()), position(e.key()));
                }
            }
            if (rules.get("options").isPresent()) {
                for (MapNode.Entry e : r.map(rules, "rules.options").entries()) {
                    String key = "rules.options.\"" + e.name() + "\"";
                    MapNode table = r.asMap(e.value(), key);
                    Map<String, Object> values = new LinkedHashMap<>();
                    positions.put(ScanConfig.positionKey("rules.options", e.name()), position(e.key()));
                    for (MapNode.Entry o : table.entries()) {
                        values.put(o.name(), r.optionValue(o.value(), key + "." + o.name()));
                        positions.put(ScanConfig.positionKey("rules.options", e.name() + "." + o.name()),
                                position(o.key()));
                    }
                    options.put(e.name(), values);
                }
            }
        }
        InternalScope internal = InternalScope.none();
        if (root.get("internal").isPresent()) {
            MapNode in = r.map(root, "internal");
            r.checkKeys(in, "internal.", INTERNAL);
            internal = new InternalScope(
                    in.get("packages").isPresent() ? r.stringList(in, "internal.packages") : List.of(),
                    in.get("indexes").isPresent() ? r.stringList(in, "internal.indexes") : List.of());
        }
        Limits limits = Limits.DEFAULTS;
        if (root.get("limits").isPresent()) {
            MapNode lim = r.map(root, "limits");
            r.checkKeys(lim, "limits.", Set.copyOf(LIMITS));
            long[] v = {limits.maxTextFileSize(), limits.maxNestingDepth(), limits.maxYamlAliases(),
                    limits.maxArchiveEntries(), limits.maxArchiveEntrySize(), limits.maxArchiveTotalSize(),
                    limits.maxExpansionRatio(), limits.maxArchiveDepth()};
            for (int i = 0; i < LIMITS.size(); i++) {
                if (lim.get(LIMITS.get(i)).isPresent()) {
                    v[i] = r.positiveInt(lim, "limits." + LIMITS.get(i), LIMITS.get(i));
                }
            }
            limits = new Limits(v[0], (int) Math.min(v[1], Integer.MAX_VALUE), (int) Math.min(v[2], Integer.MAX_VALUE),
                    (int) Math.min(v[3], Integer.MAX_VALUE), v[4], v[5], (int) Math.min(v[6], Integer.MAX_VALUE),
                    (int) Math.min(v[7], Integer.MAX_VALUE));
        }
        return new ScanConfig(origin, failOn, disabled, severities, options, exclude, internal, limits, positions);
    }

    private static String position(Node node) {
        return node.location().startLine() + ":" + node.location().startColumn();
    }

    /** Typed access to the tree with errors that name origin, position and key. */
    private record Reader(String origin, String prefix) {

        ConfigException error(Node at, String key, String problem) {
            Location l = at.location();
            return new ConfigException(origin + ":" + l.startLine() + ":" + l.startColumn() + ": " + prefix + key + " "
                    + problem);
        }

        void checkKeys(MapNode map, String keyPrefix, Set<String> allowed) throws ConfigException {
            for (MapNode.Entry e : map.entries()) {
                if (!allowed.contains(e.name())) {
                    throw error(e.key(), keyPrefix + e.name(), "is not a known key (expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        ScalarNode scalar(MapNode map, String key) throws ConfigException {
            return asScalar(map.get(key).orElseThrow(), key);
        }

        ScalarNode asScalar(Node node, String key) throws ConfigException {
            return node.asScalar().orElseThrow(() -> error(node, key, "must be a single value"));
        }

        MapNode map(MapNode parent, String key) throws ConfigException {
            String last = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
            return asMap(parent.get(last).orElseThrow(), key);
        }

        MapNode asMap(Node node, String key) throws ConfigException {
            return node.asMap().orElseThrow(() -> error(node, key, "must be a table"));
        }

        Severity severity(ScalarNode node, String key) throws ConfigException {
            if (node.type() != ScalarNode.Type.STRING) {
                throw error(node, key, "must be a string: info, low, medium, high or critical");
            }
            return Severity.parse(node.value()).orElseThrow(() -> error(node, key, "has unknown severity '"
                    + node.value() + "' (expected info, low, medium, high or critical)"));
        }

        List<String> stringList(MapNode map, String key) throws ConfigException {
            String last = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
            Node node = map.get(last).orElseThrow();
            ListNode list = node.asList().orElseThrow(() -> error(node, key, "must be an array of strings"));
            List<String> out = new ArrayList<>();
            for (Node item : list.items()) {
                ScalarNode s = item.asScalar().filter(x -> x.type() == ScalarNode.Type.STRING)
                        .orElseThrow(() -> error(item, key, "must contain only strings"));
                out.add(s.value());
            }
            return out;
        }

        long positiveInt(MapNode map, String key, String last) throws ConfigException {
            Node node = map.get(last).orElseThrow();
            ScalarNode s = node.asScalar().filter(x -> x.type() == ScalarNode.Type.INTEGER)
                    .orElseThrow(() -> error(node, key, "must be a positive integer"));
            long v;
            try {
                v = Long.parseLong(s.value().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(node, key, "must be a positive decimal integer");
            }
            if (v < 0 || (v == 0 && !last.equals("max-yaml-aliases") && !last.equals("max-archive-depth"))) {
                throw error(node, key, "must be a positive integer");
            }
            return v;
        }

        Object optionValue(Node node, String key) throws ConfigException {
            if (node instanceof ListNode list) {
                List<String> out = new ArrayList<>();
                for (Node item : list.items()) {
                    ScalarNode s = item.asScalar().filter(x -> x.type() == ScalarNode.Type.STRING)
                            .orElseThrow(() -> error(item, key, "must contain only strings"));
                    out.add(s.value());
                }
                return out;
            }
            ScalarNode s = asScalar(node, key);
            return switch (s.type()) {
                case STRING -> s.value();
                case BOOLEAN -> Boolean.valueOf(s.isTrue());
                case INTEGER -> {
                    try {
                        yield Long.valueOf(s.value().replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw error(node, key, "must be a decimal integer");
                    }
                }
                default -> throw error(node, key, "must be a string, an array of strings, an integer or a boolean");
            };
        }
    }
}

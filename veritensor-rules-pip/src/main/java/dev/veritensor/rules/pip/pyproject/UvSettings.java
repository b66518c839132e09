package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.UvIndexes;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads uv's settings, which have the same shape in {@code [tool.uv]} of {@code pyproject.toml},
 * at the top of {@code uv.toml}, and (for the {@code uv pip} interface) in {@code [pip]}:
 * {@code [[index]]}, {@code index-url}, {@code extra-index-url}, {@code find-links},
 * {@code no-index}, {@code index-strategy}, {@code allow-insecure-host}; and the project's
 * {@code [tool.uv.sources]}, which pin packages to an index or replace them by a Git repository,
 * URL, path or workspace member.
 */
final class UvSettings {

    /** Sections whose dependencies uv resolves (and to which {@code [tool.uv.sources]} applies). */
    static final Set<Section.Kind> UV_SECTIONS = Set.of(Section.Kind.PROJECT, Section.Kind.OPTIONAL,
            Section.Kind.DEPENDENCY_GROUP, Section.Kind.BUILD_SYSTEM, Section.Kind.UV_DEV);

    /**
     * One {@code [tool.uv.sources]} entry for a package.
     *
     * @param pin    the index it pins the package to
     * @param kind   the kind of a direct source (Git, URL, path, workspace)
     * @param url    the direct source's reference
     * @param at     where the direct source's reference is written (the {@code git}, {@code url},
     *               {@code path} or {@code workspace} value)
     */
    record SourceEntry(Optional<UvIndexes.Pin> pin, Optional<Dependency.Kind> kind, Optional<String> url,
                       Optional<Location> at) {
    }

    private UvSettings() {
    }

    /**
     * {@code settings} sorted by location, keeping the first of several settings at the same
     * location (a top-level value that the {@code uv pip} interface inherits is listed by both).
     */
    static List<dev.veritensor.api.IndexSetting> inSourceOrder(List<dev.veritensor.api.IndexSetting> settings) {
        List<dev.veritensor.api.IndexSetting> sorted = new ArrayList<>(settings);
        sorted.sort(Comparator.comparing(dev.veritensor.api.IndexSetting::location));
        List<dev.veritensor.api.IndexSetting> out = new ArrayList<>();
        for (dev.veritensor.api.IndexSetting s : sorted) {
            if (out.stream().noneMatch(o -> o.location().equals(s.location()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Keys of the {@code uv pip} interface that fall back to the top-level setting of the same name. */
    private static final List<String> INHERITED = List.of("index", "index-url", "extra-index-url", "find-links",
            "no-index", "index-strategy", "allow-insecure-host");

    /** The index settings of {@code table} with the given pins. */
    static UvIndexes indexes(MapNode table, String tool, Map<String, List<UvIndexes.Pin>> pins,
                             ParseContext context) {
        return read(table, tool, pins, context);
    }

    /**
     * The settings of the {@code uv pip} interface: each key of {@code pip} that is absent there
     * is taken from the top-level {@code settings}, as uv does.
     */
    static UvIndexes pipInterface(MapNode pip, MapNode settings, ParseContext context) {
        List<MapNode.Entry> merged = new ArrayList<>(pip.entries());
        for (String key : INHERITED) {
            if (pip.get(key).isEmpty()) {
                settings.entry(key).ifPresent(merged::add);
            }
        }
        List<MapNode.Entry> own = merged.subList(0, pip.entries().size());
        read(new MapNode(own, pip.location()), "uv pip", Map.of(), context);
        return read(new MapNode(merged, pip.location()), "uv pip", Map.of(), new Quiet(context));
    }

    /**
     * A context that drops diagnostics: the merged table is read a second time, and problems of
     * its values were reported when the {@code [pip]} table and the top level were read.
     */
    private record Quiet(ParseContext delegate) implements ParseContext {
        @Override
        public dev.veritensor.api.SourceText text(dev.veritensor.api.Source source)
                throws dev.veritensor.api.DocumentParseException {
            return delegate.text(source);
        }

        @Override
        public dev.veritensor.api.StructuredFormats formats() {
            return delegate.formats();
        }

        @Override
        public Optional<dev.veritensor.api.Source> include(dev.veritensor.api.Source from, String reference,
                                                           Location at) {
            return delegate.include(from, reference, at);
        }

        @Override
        public void report(dev.veritensor.api.Diagnostic diagnostic) {
        }
    }

    private static UvIndexes read(MapNode table, String tool, Map<String, List<UvIndexes.Pin>> pins,
                                  ParseContext context) {
        List<UvIndexes.Index> indexes = new ArrayList<>();
        for (MapNode entry : TreeValues.tables(table, "index", context)) {
            Optional<ScalarNode> url = TreeValues.string(entry, "url", context);
            if (url.isEmpty()) {
                TreeValues.report(context, entry, "an [[index]] entry needs a url");
                continue;
            }
            List<Long> codes = new ArrayList<>();
            Optional<Location> codesLocation = Optional.empty();
            Optional<Node> codesValue = entry.get("ignore-error-codes");
            if (codesValue.isPresent()) {
                codesLocation = Optional.of(codesValue.get().location());
                if (codesValue.get() instanceof ListNode list) {
                    for (Node item : list.items()) {
                        if (item instanceof ScalarNode s && s.type() == ScalarNode.Type.INTEGER) {
                            parseCode(s.value()).ifPresent(codes::add);
                        } else {
                            TreeValues.report(context, item, "error codes must be integers");
                        }
                    }
                } else {
                    TreeValues.report(context, codesValue.get(), "'ignore-error-codes' must be an array of integers");
                }
            }
            boolean flat = TreeValues.string(entry, "format", context).map(s -> s.value().equals("flat"))
                    .orElse(false);
            indexes.add(new UvIndexes.Index(TreeValues.string(entry, "name", context).map(ScalarNode::value),
                    url.get().value(), UvIndexes.Origin.INDEX, isTrue(entry, "explicit", context),
                    isTrue(entry, "default", context), flat, codes, url.get().location(), codesLocation));
        }
        TreeValues.string(table, "index-url", context).ifPresent(u -> indexes.add(new UvIndexes.Index(
                Optional.empty(), u.value(), UvIndexes.Origin.INDEX_URL, false, true, false, List.of(),
                u.location(), Optional.empty())));
        for (ScalarNode u : TreeValues.strings(table, "extra-index-url", true, context)) {
            indexes.add(new UvIndexes.Index(Optional.empty(), u.value(), UvIndexes.Origin.EXTRA_INDEX_URL, false,
                    false, false, List.of(), u.location(), Optional.empty()));
        }
        for (ScalarNode u : TreeValues.strings(table, "find-links", true, context)) {
            indexes.add(new UvIndexes.Index(Optional.empty(), u.value(), UvIndexes.Origin.FIND_LINKS, false,
                    false, true, List.of(), u.location(), Optional.empty()));
        }
        indexes.sort(Comparator.comparing(UvIndexes.Index::location));
        Optional<UvIndexes.Strategy> strategy = Optional.empty();
        Optional<ScalarNode> strategyValue = TreeValues.string(table, "index-strategy", context);
        if (strategyValue.isPresent()) {
            Optional<UvIndexes.StrategyKind> kind = UvIndexes.StrategyKind.of(strategyValue.get().value());
            if (kind.isEmpty()) {
                TreeValues.report(context, strategyValue.get(), "unknown index-strategy '"
                        + strategyValue.get().value() + "'");
            }
            strategy = kind.map(k -> new UvIndexes.Strategy(k, strategyValue.get().location()));
        }
        Optional<Location> noIndex = TreeValues.bool(table, "no-index", context).filter(ScalarNode::isTrue)
                .map(ScalarNode::location);
        List<UvIndexes.InsecureHost> insecure = TreeValues.strings(table, "allow-insecure-host", true, context)
                .stream().map(s -> new UvIndexes.InsecureHost(s.value(), s.location())).toList();
        return new UvIndexes(tool, indexes, strategy, noIndex, pins, insecure);
    }

    private static Optional<Long> parseCode(String text) {
        try {
            return Optional.of(Long.parseLong(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isTrue(MapNode map, String key, ParseContext context) {
        return TreeValues.bool(map, key, context).map(ScalarNode::isTrue).orElse(false);
    }

    /** {@code [tool.uv.sources]}, by normalized package name; a package may have one entry per marker. */
    static Map<String, List<SourceEntry>> sources(MapNode table, ParseContext context) {
        Map<String, List<SourceEntry>> out = new LinkedHashMap<>();
        for (MapNode.Entry e : table.entries()) {
            if (!RequirementParser.isValidName(e.name())) {
                TreeValues.report(context, e.key(), "'" + e.name() + "' is not a valid package name");
                continue;
            }
            List<MapNode> entries = new ArrayList<>();
            if (e.value() instanceof MapNode m) {
                entries.add(m);
            } else if (e.value() instanceof ListNode l) {
                for (Node item : l.items()) {
                    if (item instanceof MapNode m) {
                        entries.add(m);
                    } else {
                        TreeValues.report(context, item, "a source must be a table");
                    }
                }
            } else {
                TreeValues.report(context, e.value(), "a source must be a table or an array of tables");
            }
            List<SourceEntry> read = new ArrayList<>();
            for (MapNode m : entries) {
                read.add(entry(m, context));
            }
            out.put(Dependency.normalize(e.name()), read);
        }
        return out;
    }

    private static SourceEntry entry(MapNode m, ParseContext context) {
        Optional<ScalarNode> index = TreeValues.string(m, "index", context);
        if (index.isPresent()) {
            return new SourceEntry(Optional.of(new UvIndexes.Pin(index.get().value(), index.get().location())),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<ScalarNode> git = TreeValues.string(m, "git", context);
        if (git.isPresent()) {
            Optional<String> revision = TreeValues.string(m, "rev", context).map(ScalarNode::value)
                    .or(() -> TreeValues.string(m, "tag", context).map(ScalarNode::value))
                    .or(() -> TreeValues.string(m, "branch", context).map(ScalarNode::value));
            String url = git.get().value();
            String prefixed = url.startsWith("git+") ? url : "git+" + url;
            return new SourceEntry(Optional.empty(), Optional.of(Dependency.Kind.VCS),
                    Optional.of(prefixed + revision.map(r -> "@" + r).orElse("")), Optional.of(git.get().location()));
        }
        Optional<ScalarNode> url = TreeValues.string(m, "url", context);
        if (url.isPresent()) {
            return new SourceEntry(Optional.empty(), Optional.of(Dependency.Kind.URL), Optional.of(url.get().value()),
                    Optional.of(url.get().location()));
        }
        Optional<ScalarNode> path = TreeValues.string(m, "path", context);
        if (path.isPresent()) {
            return new SourceEntry(Optional.empty(), Optional.of(Dependency.Kind.PATH), Optional.of(path.get().value()),
                    Optional.of(path.get().location()));
        }
        Optional<ScalarNode> workspace = TreeValues.bool(m, "workspace", context).filter(ScalarNode::isTrue);
        if (workspace.isPresent()) {
            return new SourceEntry(Optional.empty(), Optional.of(Dependency.Kind.PATH), Optional.of("workspace"),
                    Optional.of(workspace.get().location()));
        }
        TreeValues.report(context, m, "a source needs index, git, url, path or workspace");
        return new SourceEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The index pins of {@code sources}. */
    static Map<String, List<UvIndexes.Pin>> pins(Map<String, List<SourceEntry>> sources) {
        Map<String, List<UvIndexes.Pin>> out = new LinkedHashMap<>();
        sources.forEach((name, entries) -> {
            List<UvIndexes.Pin> pins = entries.stream().flatMap(s -> s.pin().stream()).toList();
            if (!pins.isEmpty()) {
                out.put(name, pins);
            }
        });
        return out;
    }

    /**
     * {@code declared} with uv's sources applied to the sections uv resolves: a direct source makes
     * the dependency a Git, URL or path dependency; an index pin binds it to that index.
     */
    static ManifestDependency apply(ManifestDependency declared, Map<String, List<SourceEntry>> sources) {
        Dependency d = declared.dependency();
        List<SourceEntry> entries = sources.get(d.normalizedName());
        if (entries == null || entries.isEmpty() || !UV_SECTIONS.contains(declared.section().kind())) {
            return declared;
        }
        SourceEntry first = entries.get(0);
        if (first.pin().isPresent()) {
            return new ManifestDependency(d.withIndex(first.pin().get().index()), declared.section(),
                    declared.constraint());
        }
        if (first.kind().isPresent()) {
            Dependency direct = new Dependency(d.name(), d.normalizedName(), d.specifier(), first.kind().get(),
                    first.url(), d.hashes(), d.index(), d.markers(), d.extras(), d.pinnedElsewhere(), d.location(),
                    d.nameLocation());
            return new ManifestDependency(direct, declared.section(), Optional.empty(), first.at());
        }
        return declared;
    }
}

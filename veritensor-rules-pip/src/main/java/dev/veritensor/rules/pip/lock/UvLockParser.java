package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code uv.lock}: each {@code [[package]]} with its version, its {@code source}
 * ({@code registry} index URL or path, {@code git} URL with {@code #commit}, {@code url},
 * {@code path}, {@code directory}, {@code editable}, {@code virtual}) and the hashes of its
 * {@code sdist} and {@code wheels}. uv locks the project, its extras, its dependency groups and
 * its legacy development dependencies for every platform.
 */
public final class UvLockParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/uv-lock";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("uv.lock");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        MapNode root = LockEntries.toml(source, context);
        List<LockedPackage> packages = new ArrayList<>();
        for (MapNode entry : TreeValues.tables(root, "package", context)) {
            LockEntries.name(entry, context).ifPresent(name -> packages.add(locked(entry, name, context)));
        }
        return List.of(new Lockfile(source, "uv.lock", "uv", packages, List.of(),
                LockCoverage.sections(EnumSet.of(Section.Kind.PROJECT, Section.Kind.OPTIONAL,
                        Section.Kind.DEPENDENCY_GROUP, Section.Kind.UV_DEV))));
    }

    private static LockedPackage locked(MapNode entry, ScalarNode name, ParseContext context) {
        Optional<String> version = TreeValues.string(entry, "version", context).map(ScalarNode::value);
        List<String> hashes = new ArrayList<>();
        TreeValues.table(entry, "sdist", context).flatMap(s -> TreeValues.string(s, "hash", context))
                .flatMap(h -> LockEntries.hash(h.value())).ifPresent(hashes::add);
        entry.get("wheels").ifPresent(w -> hashes.addAll(LockEntries.fileHashes(w, context)));
        Dependency.Kind kind = Dependency.Kind.REGISTRY;
        Optional<String> index = Optional.empty();
        Optional<String> url = Optional.empty();
        boolean editable = false;
        Optional<MapNode> source = TreeValues.table(entry, "source", context);
        if (source.isPresent() && !source.get().entries().isEmpty()) {
            MapNode.Entry first = source.get().entries().get(0);
            String value = first.value().text().orElse("");
            switch (first.name()) {
                case "registry" -> index = LockEntries.isRemote(value) ? Optional.of(value) : Optional.empty();
                case "git" -> {
                    kind = Dependency.Kind.VCS;
                    url = Optional.of(gitUrl(value));
                }
                case "url" -> {
                    kind = Dependency.Kind.URL;
                    url = Optional.of(value);
                }
                case "path", "directory", "editable", "virtual" -> {
                    kind = Dependency.Kind.PATH;
                    url = Optional.of(value);
                    editable = first.name().equals("editable");
                }
                default -> TreeValues.report(context, first.key(), "unknown package source '" + first.name() + "'");
            }
        }
        Optional<String> markers = entry.get("resolution-markers").flatMap(Node::asList)
                .filter(l -> !l.items().isEmpty()).map(UvLockParser::joinMarkers);
        return new LockedPackage(name.value(), version, kind, index, url, hashes, editable, markers,
                name.location(), name.location());
    }

    /** {@code https://host/repo?rev=main#<commit>} as {@code git+https://host/repo@<commit>}. */
    static String gitUrl(String value) {
        int hash = value.lastIndexOf('#');
        Optional<String> commit = hash >= 0 ? Optional.of(value.substring(hash + 1)) : Optional.empty();
        String base = hash >= 0 ? value.substring(0, hash) : value;
        int query = base.indexOf('?');
        if (query >= 0) {
            base = base.substring(0, query);
        }
        return LockEntries.vcsUrl("git", base, commit.filter(c -> !c.isEmpty()));
    }

    private static String joinMarkers(ListNode list) {
        List<String> parts = new ArrayList<>();
        for (Node n : list.items()) {
            n.text().ifPresent(t -> parts.add("(" + t + ")"));
        }
        return String.join(" or ", parts);
    }
}

package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PipfileSources;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Pipfile.lock} (JSON, located by core's token positions): the sources of
 * {@code _meta.sources} and every package of each category ({@code default}, {@code develop},
 * custom categories) with its {@code version}, {@code hashes}, {@code index} (resolved to the
 * source's URL; a package without {@code index}, as Pipenv writes transitive dependencies, came
 * from the default source, the first one), {@code markers} and VCS, path or file origin. Entries are located at their key.
 * A {@code Pipfile} category {@code packages} is locked as {@code default}, {@code dev-packages} as
 * {@code develop}; Pipenv locks for the current platform, so marker-dependent packages are not
 * expected in it.
 */
public final class PipfileLockParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/pipfile-lock";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("Pipfile.lock");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().json(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("Pipfile.lock must hold a JSON object", Location.ofFile(source.path()));
        }
        List<PipfileSources.Source> sources = new ArrayList<>();
        Optional<MapNode> meta = TreeValues.table(map, "_meta", context);
        meta.flatMap(m -> m.get("sources")).ifPresent(list -> {
            if (!(list instanceof ListNode l)) {
                TreeValues.report(context, list, "'sources' must be an array");
                return;
            }
            for (Node item : l.items()) {
                if (!(item instanceof MapNode s)) {
                    TreeValues.report(context, item, "a source must be an object");
                    continue;
                }
                Optional<ScalarNode> url = TreeValues.string(s, "url", context);
                if (url.isEmpty()) {
                    TreeValues.report(context, s, "a source needs a url");
                    continue;
                }
                String name = TreeValues.string(s, "name", context).map(ScalarNode::value).orElse(url.get().value());
                boolean verify = TreeValues.bool(s, "verify_ssl", context).map(ScalarNode::isTrue).orElse(true);
                sources.add(new PipfileSources.Source(name, url.get().value(), verify, url.get().location()));
            }
        });
        PipfileSources declaredSources = new PipfileSources(sources, Optional.empty());
        List<LockedPackage> packages = new ArrayList<>();
        Set<String> categories = new HashSet<>();
        for (MapNode.Entry category : map.entries()) {
            if (category.name().equals("_meta") || !(category.value() instanceof MapNode entries)) {
                continue;
            }
            categories.add(category.name());
            for (MapNode.Entry e : entries.entries()) {
                if (!RequirementParser.isValidName(e.name())) {
                    TreeValues.report(context, e.key(), "'" + e.name() + "' is not a valid package name");
                    continue;
                }
                if (e.value() instanceof MapNode details) {
                    packages.add(locked(e.key(), details, declaredSources, context));
                } else {
                    TreeValues.report(context, e.value(), "a locked package must be an object");
                }
            }
        }
        packages.sort(java.util.Comparator.comparing(LockedPackage::location));
        LockCoverage coverage = d -> d.section().kind() == Section.Kind.PIPENV
                && categories.contains(lockCategory(d.section().group()));
        return List.of(new Lockfile(source, "Pipfile.lock", "Pipenv", packages, declaredSources.indexSettings(),
                coverage.unlessMarked()));
    }

    /** The Pipfile.lock key of a Pipfile category. */
    static String lockCategory(String pipfileCategory) {
        return switch (pipfileCategory) {
            case "packages" -> "default";
            case "dev-packages" -> "develop";
            default -> pipfileCategory;
        };
    }

    private static LockedPackage locked(ScalarNode key, MapNode details, PipfileSources sources,
                                        ParseContext context) {
        Optional<String> version = TreeValues.string(details, "version", context).map(ScalarNode::value)
                .map(v -> v.startsWith("===") ? v.substring(3) : v.startsWith("==") ? v.substring(2) : v);
        List<String> hashes = new ArrayList<>();
        TreeValues.strings(details, "hashes", false, context)
                .forEach(h -> LockEntries.hash(h.value()).ifPresent(hashes::add));
        boolean editable = TreeValues.bool(details, "editable", context).map(ScalarNode::isTrue).orElse(false);
        Optional<String> markers = TreeValues.string(details, "markers", context).map(ScalarNode::value);
        Dependency.Kind kind = Dependency.Kind.REGISTRY;
        Optional<String> url = Optional.empty();
        Optional<String> index = Optional.empty();
        Optional<String> vcs = List.of("git", "hg", "svn", "bzr").stream()
                .filter(v -> details.get(v).isPresent()).findFirst();
        if (vcs.isPresent()) {
            kind = Dependency.Kind.VCS;
            Optional<String> ref = TreeValues.string(details, "ref", context).map(ScalarNode::value);
            url = TreeValues.string(details, vcs.get(), context).map(u -> LockEntries.vcsUrl(vcs.get(), u.value(), ref));
        } else if (details.get("path").isPresent()) {
            kind = Dependency.Kind.PATH;
            url = TreeValues.string(details, "path", context).map(ScalarNode::value);
        } else if (details.get("file").isPresent()) {
            url = TreeValues.string(details, "file", context).map(ScalarNode::value);
            kind = url.filter(LockEntries::isRemote).isPresent() ? Dependency.Kind.URL : Dependency.Kind.PATH;
        } else {
            Optional<String> named = TreeValues.string(details, "index", context).map(ScalarNode::value);
            index = named.isPresent()
                    ? named.flatMap(sources::source).map(PipfileSources.Source::url)
                            .or(() -> named.filter(LockEntries::isRemote))
                    : sources.sources().stream().findFirst().map(PipfileSources.Source::url);
        }
        return new LockedPackage(key.value(), version, kind, index, url, hashes, editable, markers,
                key.location(), key.location());
    }
}

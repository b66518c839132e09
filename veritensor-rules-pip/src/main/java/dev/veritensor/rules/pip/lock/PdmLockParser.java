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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code pdm.lock}: each {@code [[package]]} with its version, its origin ({@code git} with
 * {@code revision}, {@code url}, {@code path} with {@code editable}, else an index) and the hashes
 * of its {@code files} (in lock format 4.0 and older, the {@code [metadata.files]} entry named
 * {@code "<name> <version>"}). PDM does not record which index a package came from; only files written
 * with their URLs ({@code static_urls}) and all hosted on PyPI's file host show that it was PyPI. The locked groups are
 * {@code [metadata] groups}; {@code default} is the project's own dependencies.
 */
public final class PdmLockParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/pdm-lock";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("pdm.lock");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        MapNode root = LockEntries.toml(source, context);
        Set<String> groups = new HashSet<>();
        TreeValues.table(root, "metadata", context).ifPresentOrElse(
                m -> TreeValues.strings(m, "groups", false, context)
                        .forEach(g -> groups.add(Dependency.normalize(g.value()))),
                () -> groups.add("default"));
        Map<String, Node> legacyFiles = legacyFiles(root, context);
        List<LockedPackage> packages = new ArrayList<>();
        for (MapNode entry : TreeValues.tables(root, "package", context)) {
            LockEntries.name(entry, context).ifPresent(name -> packages.add(locked(entry, name, legacyFiles, context)));
        }
        return List.of(new Lockfile(source, "pdm.lock", "PDM", packages, List.of(),
                LockCoverage.groups(groups, "default", EnumSet.of(Section.Kind.OPTIONAL,
                        Section.Kind.DEPENDENCY_GROUP, Section.Kind.PDM_DEV))));
    }

    /**
     * The files of lock format 4.0 and older, which PDM kept apart from the packages in
     * {@code [metadata.files]} under keys {@code "<name> <version>"}; keyed here by normalized name
     * and version.
     */
    private static Map<String, Node> legacyFiles(MapNode root, ParseContext context) {
        Map<String, Node> out = new HashMap<>();
        TreeValues.table(root, "metadata", context).flatMap(m -> TreeValues.table(m, "files", context))
                .ifPresent(files -> {
                    for (MapNode.Entry e : files.entries()) {
                        int space = e.name().lastIndexOf(' ');
                        if (space > 0) {
                            out.put(legacyKey(e.name().substring(0, space), e.name().substring(space + 1)), e.value());
                        }
                    }
                });
        return out;
    }

    private static String legacyKey(String name, String version) {
        return Dependency.normalize(name) + " " + version;
    }

    private static LockedPackage locked(MapNode entry, ScalarNode name, Map<String, Node> legacyFiles,
                                        ParseContext context) {
        Optional<String> version = TreeValues.string(entry, "version", context).map(ScalarNode::value);
        Optional<Node> filesNode = entry.get("files")
                .or(() -> version.map(v -> legacyFiles.get(legacyKey(name.value(), v))));
        List<String> hashes = filesNode.map(f -> LockEntries.fileHashes(f, context)).orElse(List.of());
        boolean editable = TreeValues.bool(entry, "editable", context).map(ScalarNode::isTrue).orElse(false);
        Dependency.Kind kind = Dependency.Kind.REGISTRY;
        Optional<String> url = Optional.empty();
        Optional<ScalarNode> git = TreeValues.string(entry, "git", context);
        Optional<ScalarNode> direct = TreeValues.string(entry, "url", context);
        Optional<ScalarNode> path = TreeValues.string(entry, "path", context);
        if (git.isPresent()) {
            kind = Dependency.Kind.VCS;
            Optional<String> revision = TreeValues.string(entry, "revision", context).map(ScalarNode::value);
            url = Optional.of(LockEntries.vcsUrl("git", git.get().value(), revision));
        } else if (direct.isPresent()) {
            kind = LockEntries.isRemote(direct.get().value()) ? Dependency.Kind.URL : Dependency.Kind.PATH;
            url = Optional.of(direct.get().value());
        } else if (path.isPresent()) {
            kind = Dependency.Kind.PATH;
            url = Optional.of(path.get().value());
        }
        Optional<String> index = Optional.empty();
        if (kind == Dependency.Kind.REGISTRY && filesNode.orElse(null) instanceof ListNode files) {
            index = LockEntries.indexOfFiles(LockEntries.fileUrls(files.items(), context));
        }
        Optional<String> marker = TreeValues.string(entry, "marker", context).map(ScalarNode::value);
        return new LockedPackage(name.value(), version, kind, index, url, hashes, editable, marker,
                name.location(), name.location());
    }
}

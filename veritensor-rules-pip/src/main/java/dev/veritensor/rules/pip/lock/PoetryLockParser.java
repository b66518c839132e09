package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.pep440.Version;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code poetry.lock}: each {@code [[package]]} with its version, its origin from
 * {@code [package.source]} ({@code legacy} index, {@code git}, {@code url}, {@code file},
 * {@code directory}; none means PyPI) and its hashes, from {@code files} (lock format 2.x) or from
 * {@code [metadata.files]} (format 1.x). Poetry locks {@code [tool.poetry]} groups; from lock format
 * 2.1 on (Poetry 2) also the PEP 621 dependencies and extras.
 */
public final class PoetryLockParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/poetry-lock";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("poetry.lock");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        MapNode root = LockEntries.toml(source, context);
        Optional<MapNode> metadata = TreeValues.table(root, "metadata", context);
        Map<String, List<String>> legacyHashes = new HashMap<>();
        metadata.flatMap(m -> TreeValues.table(m, "files", context)).ifPresent(files -> {
            for (MapNode.Entry e : files.entries()) {
                legacyHashes.put(Dependency.normalize(e.name()), LockEntries.fileHashes(e.value(), context));
            }
        });
        List<LockedPackage> packages = new ArrayList<>();
        for (MapNode entry : TreeValues.tables(root, "package", context)) {
            LockEntries.name(entry, context).ifPresent(name -> packages.add(locked(entry, name, legacyHashes, context)));
        }
        boolean pep621 = metadata.flatMap(m -> TreeValues.string(m, "lock-version", context))
                .flatMap(v -> Version.parse(v.value()))
                .filter(v -> v.compareTo(Version.parse("2.1").orElseThrow()) >= 0).isPresent();
        EnumSet<Section.Kind> locked = pep621
                ? EnumSet.of(Section.Kind.POETRY, Section.Kind.PROJECT, Section.Kind.OPTIONAL)
                : EnumSet.of(Section.Kind.POETRY);
        return List.of(new Lockfile(source, "poetry.lock", "Poetry", packages, List.of(),
                LockCoverage.sections(locked)));
    }

    private static LockedPackage locked(MapNode entry, ScalarNode name, Map<String, List<String>> legacyHashes,
                                        ParseContext context) {
        Optional<String> version = TreeValues.string(entry, "version", context).map(ScalarNode::value);
        List<String> hashes = entry.get("files").map(f -> LockEntries.fileHashes(f, context))
                .orElseGet(() -> legacyHashes.getOrDefault(Dependency.normalize(name.value()), List.of()));
        boolean develop = TreeValues.bool(entry, "develop", context).map(ScalarNode::isTrue).orElse(false);
        Dependency.Kind kind = Dependency.Kind.REGISTRY;
        Optional<String> index = Optional.of(PublicIndexes.PYPI);
        Optional<String> url = Optional.empty();
        Optional<MapNode> source = TreeValues.table(entry, "source", context);
        if (source.isPresent()) {
            String type = TreeValues.string(source.get(), "type", context).map(ScalarNode::value).orElse("");
            Optional<String> sourceUrl = TreeValues.string(source.get(), "url", context).map(ScalarNode::value);
            switch (type) {
                case "legacy" -> index = sourceUrl;
                case "git" -> {
                    kind = Dependency.Kind.VCS;
                    index = Optional.empty();
                    Optional<String> commit = TreeValues.string(source.get(), "resolved_reference", context)
                            .or(() -> TreeValues.string(source.get(), "reference", context)).map(ScalarNode::value);
                    url = sourceUrl.map(u -> LockEntries.vcsUrl("git", u, commit));
                }
                case "url" -> {
                    kind = Dependency.Kind.URL;
                    index = Optional.empty();
                    url = sourceUrl;
                }
                case "file", "directory" -> {
                    kind = Dependency.Kind.PATH;
                    index = Optional.empty();
                    url = sourceUrl;
                }
                default -> {
                    Node typeNode = source.get().get("type").orElse(source.get());
                    TreeValues.report(context, typeNode, "unknown package source type '" + type + "'");
                    index = Optional.empty();
                }
            }
        }
        return new LockedPackage(name.value(), version, kind, index, url, hashes, develop, Optional.empty(),
                name.location(), name.location());
    }
}

package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a PEP 751 lockfile ({@code pylock.toml} or {@code pylock.<name>.toml}): each
 * {@code [[packages]]} entry with its version, marker, {@code index}, its source ({@code vcs}
 * with {@code commit-id}, {@code directory}, {@code archive}, or {@code sdist}/{@code wheels} from
 * an index) and the {@code hashes} tables of its files. An entry without {@code index} whose files
 * are all on PyPI's file host was resolved from PyPI. The lockfile covers the project's
 * dependencies and the extras and dependency groups it lists; it may be locked for some
 * environments only, so marker-dependent declarations are not expected in it.
 */
public final class PylockParser implements DocumentParser {

    private static final Pattern FILE_NAME = Pattern.compile("pylock\\.([^.]+\\.)?toml");

    @Override
    public String id() {
        return "pip/pylock";
    }

    @Override
    public boolean accepts(Source source) {
        return FILE_NAME.matcher(source.fileName()).matches();
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        MapNode root = LockEntries.toml(source, context);
        Set<String> groups = new HashSet<>();
        groups.add("");
        for (String key : List.of("extras", "dependency-groups")) {
            TreeValues.strings(root, key, false, context).forEach(g -> groups.add(Dependency.normalize(g.value())));
        }
        List<LockedPackage> packages = new ArrayList<>();
        for (MapNode entry : TreeValues.tables(root, "packages", context)) {
            LockEntries.name(entry, context).ifPresent(name -> packages.add(locked(entry, name, context)));
        }
        return List.of(new Lockfile(source, "pylock", "PEP 751", packages, List.of(),
                LockCoverage.groups(groups, "", EnumSet.of(Section.Kind.OPTIONAL, Section.Kind.DEPENDENCY_GROUP))
                        .unlessMarked()));
    }

    private static LockedPackage locked(MapNode entry, ScalarNode name, ParseContext context) {
        Optional<String> version = TreeValues.string(entry, "version", context).map(ScalarNode::value);
        Optional<String> marker = TreeValues.string(entry, "marker", context).map(ScalarNode::value);
        Optional<String> index = TreeValues.string(entry, "index", context).map(ScalarNode::value);
        List<String> hashes = new ArrayList<>();
        Dependency.Kind kind = Dependency.Kind.REGISTRY;
        Optional<String> url = Optional.empty();
        boolean editable = false;
        Optional<MapNode> vcs = TreeValues.table(entry, "vcs", context);
        Optional<MapNode> directory = TreeValues.table(entry, "directory", context);
        Optional<MapNode> archive = TreeValues.table(entry, "archive", context);
        if (vcs.isPresent()) {
            kind = Dependency.Kind.VCS;
            String type = TreeValues.string(vcs.get(), "type", context).map(ScalarNode::value).orElse("git");
            Optional<String> commit = TreeValues.string(vcs.get(), "commit-id", context).map(ScalarNode::value);
            url = TreeValues.string(vcs.get(), "url", context)
                    .or(() -> TreeValues.string(vcs.get(), "path", context))
                    .map(u -> LockEntries.vcsUrl(type, u.value(), commit));
        } else if (directory.isPresent()) {
            kind = Dependency.Kind.PATH;
            url = TreeValues.string(directory.get(), "path", context).map(ScalarNode::value);
            editable = TreeValues.bool(directory.get(), "editable", context).map(ScalarNode::isTrue).orElse(false);
        } else if (archive.isPresent()) {
            Optional<String> remote = TreeValues.string(archive.get(), "url", context).map(ScalarNode::value);
            kind = remote.isPresent() ? Dependency.Kind.URL : Dependency.Kind.PATH;
            url = remote.or(() -> TreeValues.string(archive.get(), "path", context).map(ScalarNode::value));
            hashes.addAll(LockEntries.hashTable(archive.get(), context));
        } else {
            List<MapNode> files = new ArrayList<>();
            TreeValues.table(entry, "sdist", context).ifPresent(files::add);
            files.addAll(TreeValues.tables(entry, "wheels", context));
            for (MapNode file : files) {
                hashes.addAll(LockEntries.hashTable(file, context));
            }
            if (index.isEmpty()) {
                index = LockEntries.indexOfFiles(LockEntries.fileUrls(files, context));
            }
        }
        return new LockedPackage(name.value(), version, kind, index, url, hashes, editable, marker,
                name.location(), name.location());
    }
}

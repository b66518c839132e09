package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading steps shared by the lockfile parsers. */
final class LockEntries {

    /** The host PyPI serves its distribution files from. */
    private static final String PYPI_FILE_HOST = "files.pythonhosted.org";

    private LockEntries() {
    }

    /** The root table of a TOML lockfile. */
    static MapNode toml(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        return map;
    }

    /** The {@code name} value of a package entry, when it is a valid package name; otherwise reported. */
    static Optional<ScalarNode> name(MapNode entry, ParseContext context) {
        Optional<ScalarNode> name = TreeValues.string(entry, "name", context);
        if (name.isEmpty()) {
            TreeValues.report(context, entry, "a locked package needs a name");
            return Optional.empty();
        }
        if (!RequirementParser.isValidName(name.get().value())) {
            TreeValues.report(context, name.get(), "'" + name.get().value() + "' is not a valid package name");
            return Optional.empty();
        }
        return name;
    }

    /** A hash written {@code algorithm:hex} (or {@code algorithm=hex}), normalized to {@code algorithm:hex}. */
    static Optional<String> hash(String text) {
        String t = text.strip();
        int sep = t.indexOf(':');
        if (sep < 0) {
            sep = t.indexOf('=');
        }
        if (sep <= 0 || sep == t.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(t.substring(0, sep).toLowerCase(Locale.ROOT) + ":" + t.substring(sep + 1));
    }

    /**
     * The index that served {@code fileUrls}, when the URLs themselves show it: PyPI serves its
     * files from {@code files.pythonhosted.org} only, so files all hosted there were resolved from
     * PyPI. A file on any other host does not name the index whose page linked it.
     */
    static Optional<String> indexOfFiles(List<String> fileUrls) {
        boolean allOnPypi = !fileUrls.isEmpty() && fileUrls.stream()
                .allMatch(u -> PublicIndexes.host(u).filter(PYPI_FILE_HOST::equals).isPresent());
        return allOnPypi ? Optional.of(PublicIndexes.PYPI) : Optional.empty();
    }

    /** The {@code url} values of file tables; items that are not tables are skipped (the hash reader reports them). */
    static List<String> fileUrls(List<? extends Node> files, ParseContext context) {
        List<String> out = new ArrayList<>();
        for (Node item : files) {
            if (item instanceof MapNode file) {
                TreeValues.string(file, "url", context).ifPresent(u -> out.add(u.value()));
            }
        }
        return out;
    }

    /** The {@code hash} values of a list of file tables ({@code [{file = ..., hash = ...}]}). */
    static List<String> fileHashes(Node files, ParseContext context) {
        List<String> out = new ArrayList<>();
        if (!(files instanceof ListNode list)) {
            TreeValues.report(context, files, "files must be an array of tables");
            return out;
        }
        for (Node item : list.items()) {
            if (item instanceof MapNode file) {
                TreeValues.string(file, "hash", context).flatMap(h -> hash(h.value())).ifPresent(out::add);
            } else {
                TreeValues.report(context, item, "a file entry must be a table");
            }
        }
        return out;
    }

    /** The hashes of a PEP 751 {@code hashes} table ({@code {sha256 = "..."}}). */
    static List<String> hashTable(MapNode owner, ParseContext context) {
        List<String> out = new ArrayList<>();
        TreeValues.table(owner, "hashes", context).ifPresent(t -> {
            for (MapNode.Entry e : t.entries()) {
                e.value().text().filter(v -> !v.isBlank())
                        .ifPresent(v -> out.add(e.name().toLowerCase(Locale.ROOT) + ":" + v));
            }
        });
        return out;
    }

    /** A VCS reference pinned to {@code commit}: {@code git+url@commit}. */
    static String vcsUrl(String vcs, String url, Optional<String> commit) {
        String prefixed = url.startsWith(vcs + "+") ? url : vcs + "+" + url;
        return prefixed + commit.map(c -> "@" + c).orElse("");
    }

    /** Whether {@code url} is a remote http(s) URL. */
    static boolean isRemote(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }
}

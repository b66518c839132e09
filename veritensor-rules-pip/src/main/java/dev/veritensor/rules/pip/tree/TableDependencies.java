package dev.veritensor.rules.pip.tree;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.pep440.Constraints;
import dev.veritensor.rules.pip.pep440.VersionConstraint;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads dependency tables keyed by package name, as Poetry ({@code [tool.poetry.dependencies]})
 * and Pipenv ({@code [packages]}) write them: {@code name = "constraint"} or
 * {@code name = { version = ..., extras = [...], markers = ..., git = ..., path = ..., url = ... }},
 * and for Poetry a list of such tables (one per environment). The dialects differ in version
 * syntax (Poetry constraints or PEP 440), in the key that binds a package to a source
 * ({@code source} or {@code index}), and in a few key names (revision, editable, archive).
 */
public final class TableDependencies {

    /** The writing tool. */
    public enum Dialect { POETRY, PIPENV }

    /**
     * One read entry.
     *
     * @param declared the dependency
     * @param binding  the value of its {@code source}/{@code index} key, when present
     */
    public record Read(ManifestDependency declared, Optional<ScalarNode> binding) {
    }

    private TableDependencies() {
    }

    /** Every dependency of {@code table}, in source order; malformed entries are reported and skipped. */
    public static List<Read> read(MapNode table, Dialect dialect, Section section, ParseContext context) {
        List<MapNode.Entry> entries = new ArrayList<>(table.entries());
        entries.sort(Comparator.comparing(e -> e.key().location()));
        List<Read> out = new ArrayList<>();
        for (MapNode.Entry e : entries) {
            String name = e.name();
            if (dialect == Dialect.POETRY && name.equalsIgnoreCase("python")) {
                continue;
            }
            if (!RequirementParser.isValidName(name)) {
                TreeValues.report(context, e.key(), "'" + name + "' is not a valid package name");
                continue;
            }
            if (dialect == Dialect.POETRY && e.value() instanceof ListNode list) {
                List<Read> alternatives = new ArrayList<>();
                for (Node item : list.items()) {
                    one(e.key(), item, item.location(), dialect, section, context).ifPresent(alternatives::add);
                }
                out.addAll(union(alternatives));
            } else {
                one(e.key(), e.value(), span(e.key().location(), e.value().location()), dialect, section, context)
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    /** Poetry's multiple-constraint entries: each accepts the versions any of them accepts. */
    private static List<Read> union(List<Read> alternatives) {
        if (alternatives.size() < 2 || alternatives.stream().anyMatch(r -> r.declared().constraint().isEmpty())) {
            return alternatives;
        }
        VersionConstraint any = new VersionConstraint.AnyOf(
                alternatives.stream().map(r -> r.declared().constraint().get()).toList());
        return alternatives.stream().map(r -> new Read(new ManifestDependency(r.declared().dependency(),
                r.declared().section(), Optional.of(any)), r.binding())).toList();
    }

    /** One entry or one alternative of a Poetry list, spanning {@code location}. */
    private static Optional<Read> one(ScalarNode key, Node value, Location location, Dialect dialect, Section section,
                                      ParseContext context) {
        String name = key.value();
        if (value instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
            return Optional.of(registry(name, s.value(), Optional.empty(), List.of(), dialect, section, location,
                    key.location(), Optional.empty()));
        }
        if (!(value instanceof MapNode m)) {
            TreeValues.report(context, value, "'" + name + "' must be a version string or a table");
            return Optional.empty();
        }
        Optional<String> markers = TreeValues.string(m, "markers", context).map(ScalarNode::value);
        List<String> extras = TreeValues.strings(m, "extras", false, context).stream().map(ScalarNode::value).toList();
        Optional<ScalarNode> binding = TreeValues.string(m, dialect == Dialect.POETRY ? "source" : "index", context);
        Optional<Direct> direct = direct(m, dialect, context);
        if (direct.isPresent()) {
            Dependency d = new Dependency(name, Dependency.normalize(name), "", direct.get().kind(),
                    Optional.of(direct.get().url()), List.of(), binding.map(ScalarNode::value), markers, extras, false,
                    location, key.location());
            return Optional.of(new Read(new ManifestDependency(d, section, Optional.empty()), binding));
        }
        String version = TreeValues.string(m, "version", context).map(ScalarNode::value).orElse("*");
        return Optional.of(registry(name, version, markers, extras, dialect, section, location, key.location(),
                binding));
    }

    private static Read registry(String name, String version, Optional<String> markers, List<String> extras,
                                 Dialect dialect, Section section, Location location, Location nameLocation,
                                 Optional<ScalarNode> binding) {
        Optional<VersionConstraint> constraint = dialect == Dialect.POETRY
                ? Constraints.poetry(version) : pipenvConstraint(version);
        String specifier = constraint.map(VersionConstraint::text).orElse(version.replace(" ", ""));
        Dependency d = new Dependency(name, Dependency.normalize(name), specifier, Dependency.Kind.REGISTRY,
                Optional.empty(), List.of(), binding.map(ScalarNode::value), markers, extras, false, location,
                nameLocation);
        return new Read(new ManifestDependency(d, section, constraint), binding);
    }

    /** Pipenv versions are PEP 440 specifier sets; {@code *} is any version, a bare version an exact one. */
    private static Optional<VersionConstraint> pipenvConstraint(String version) {
        String v = version.strip();
        if (v.equals("*") || v.isEmpty()) {
            return Optional.of(VersionConstraint.ANY);
        }
        if (Character.isDigit(v.charAt(0))) {
            return Constraints.pep440("==" + v);
        }
        return Constraints.pep440(v);
    }

    private record Direct(Dependency.Kind kind, String url) {
    }

    private static Optional<Direct> direct(MapNode m, Dialect dialect, ParseContext context) {
        for (String vcs : dialect == Dialect.POETRY ? List.of("git") : List.of("git", "hg", "svn", "bzr")) {
            Optional<ScalarNode> repo = TreeValues.string(m, vcs, context);
            if (repo.isPresent()) {
                Optional<String> revision = Optional.empty();
                for (String key : dialect == Dialect.POETRY ? List.of("rev", "tag", "branch") : List.of("ref")) {
                    revision = revision.or(() -> TreeValues.string(m, key, context).map(ScalarNode::value));
                }
                String url = repo.get().value();
                String prefixed = url.startsWith(vcs + "+") ? url : vcs + "+" + url;
                return Optional.of(new Direct(Dependency.Kind.VCS, prefixed + revision.map(r -> "@" + r).orElse("")));
            }
        }
        Optional<ScalarNode> path = TreeValues.string(m, "path", context);
        if (path.isPresent()) {
            return Optional.of(new Direct(Dependency.Kind.PATH, path.get().value()));
        }
        Optional<ScalarNode> archive = TreeValues.string(m, dialect == Dialect.POETRY ? "url" : "file", context);
        if (archive.isPresent()) {
            String url = archive.get().value();
            boolean remote = url.startsWith("http://") || url.startsWith("https://");
            return Optional.of(new Direct(remote ? Dependency.Kind.URL : Dependency.Kind.PATH, url));
        }
        if (dialect == Dialect.POETRY) {
            Optional<ScalarNode> file = TreeValues.string(m, "file", context);
            if (file.isPresent()) {
                return Optional.of(new Direct(Dependency.Kind.PATH, file.get().value()));
            }
        }
        return Optional.empty();
    }

    /** From the start of {@code from} to the end of {@code to}, or {@code from} alone when {@code to} ends before it. */
    public static Location span(Location from, Location to) {
        if (to.endLine() < from.startLine()
                || (to.endLine() == from.startLine() && to.endColumn() < from.startColumn())) {
            return from;
        }
        return new Location(from.path(), from.startLine(), from.startColumn(), to.endLine(), to.endColumn());
    }
}

package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PoetrySources;
import dev.veritensor.rules.pip.tree.TableDependencies;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code [tool.poetry]}: {@code dependencies} (group {@code main}), the legacy
 * {@code dev-dependencies} (group {@code dev}), {@code group.<name>.dependencies}, the source
 * constraints of those dependencies, and {@code [[tool.poetry.source]]} with {@code priority}
 * (or the legacy {@code default}/{@code secondary} flags).
 */
final class PoetryTables {

    /**
     * What {@code [tool.poetry]} declares.
     *
     * @param dependencies the dependencies of every group
     * @param sources      the sources and source constraints
     */
    record Poetry(List<ManifestDependency> dependencies, PoetrySources sources) {
    }

    private PoetryTables() {
    }

    static Poetry read(MapNode poetry, ParseContext context) {
        List<TableDependencies.Read> read = new ArrayList<>();
        TreeValues.table(poetry, "dependencies", context).ifPresent(t -> read.addAll(
                TableDependencies.read(t, TableDependencies.Dialect.POETRY, new Section(Section.Kind.POETRY, "main"),
                        context)));
        TreeValues.table(poetry, "dev-dependencies", context).ifPresent(t -> read.addAll(
                TableDependencies.read(t, TableDependencies.Dialect.POETRY, new Section(Section.Kind.POETRY, "dev"),
                        context)));
        Optional<MapNode> groups = TreeValues.table(poetry, "group", context);
        if (groups.isPresent()) {
            for (MapNode.Entry g : ProjectTables.sorted(groups.get())) {
                if (!(g.value() instanceof MapNode group)) {
                    TreeValues.report(context, g.value(), "group '" + g.name() + "' must be a table");
                    continue;
                }
                TreeValues.table(group, "dependencies", context).ifPresent(t -> read.addAll(TableDependencies.read(t,
                        TableDependencies.Dialect.POETRY, new Section(Section.Kind.POETRY, g.name()), context)));
            }
        }
        List<ManifestDependency> dependencies = new ArrayList<>();
        Map<String, PoetrySources.Binding> bindings = new LinkedHashMap<>();
        for (TableDependencies.Read r : read) {
            dependencies.add(r.declared());
            r.binding().ifPresent(b -> bindings.putIfAbsent(r.declared().dependency().normalizedName(),
                    new PoetrySources.Binding(b.value(), b.location())));
        }
        return new Poetry(dependencies, new PoetrySources(sources(poetry, context), bindings));
    }

    private static List<PoetrySources.Source> sources(MapNode poetry, ParseContext context) {
        List<PoetrySources.Source> out = new ArrayList<>();
        for (MapNode s : TreeValues.tables(poetry, "source", context)) {
            Optional<ScalarNode> name = TreeValues.string(s, "name", context);
            if (name.isEmpty()) {
                TreeValues.report(context, s, "a source needs a name");
                continue;
            }
            Optional<ScalarNode> url = TreeValues.string(s, "url", context);
            PoetrySources.Priority priority = PoetrySources.Priority.PRIMARY;
            Optional<Location> priorityLocation = Optional.empty();
            Optional<ScalarNode> p = TreeValues.string(s, "priority", context);
            if (p.isPresent()) {
                Optional<PoetrySources.Priority> named = PoetrySources.priority(p.get().value());
                if (named.isEmpty()) {
                    TreeValues.report(context, p.get(), "unknown source priority '" + p.get().value() + "'");
                } else {
                    priority = named.get();
                    priorityLocation = Optional.of(p.get().location());
                }
            } else {
                Optional<ScalarNode> isDefault = TreeValues.bool(s, "default", context).filter(ScalarNode::isTrue);
                Optional<ScalarNode> secondary = TreeValues.bool(s, "secondary", context).filter(ScalarNode::isTrue);
                if (isDefault.isPresent()) {
                    priority = PoetrySources.Priority.DEFAULT;
                    priorityLocation = Optional.of(isDefault.get().location());
                } else if (secondary.isPresent()) {
                    priority = PoetrySources.Priority.SECONDARY;
                    priorityLocation = Optional.of(secondary.get().location());
                }
            }
            if (url.isEmpty() && !name.get().value().equalsIgnoreCase("pypi")) {
                TreeValues.report(context, s, "source '" + name.get().value() + "' needs a url");
                continue;
            }
            out.add(new PoetrySources.Source(name.get().value(), url.map(ScalarNode::value), priority,
                    url.orElse(name.get()).location(), priorityLocation));
        }
        return out;
    }
}

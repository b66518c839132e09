package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.Requirement;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.tree.RequirementValues;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the standard tables of {@code pyproject.toml}: PEP 621 {@code [project]} dependencies and
 * optional dependencies, PEP 735 {@code [dependency-groups]} with {@code include-group}, and
 * PEP 518 {@code [build-system] requires}. Every requirement is a PEP 508 string.
 */
final class ProjectTables {

    private ProjectTables() {
    }

    /** The dependencies of {@code [project]}. */
    static List<ManifestDependency> project(MapNode project, ParseContext context) {
        List<ManifestDependency> out = new ArrayList<>();
        out.addAll(requirements(TreeValues.strings(project, "dependencies", false, context),
                Section.of(Section.Kind.PROJECT), context));
        Optional<MapNode> optional = TreeValues.table(project, "optional-dependencies", context);
        if (optional.isPresent()) {
            for (MapNode.Entry e : sorted(optional.get())) {
                if (e.value() instanceof ListNode list) {
                    out.addAll(requirements(TreeValues.stringItems(list, e.name(), context),
                            new Section(Section.Kind.OPTIONAL, Dependency.normalize(e.name())), context));
                } else {
                    TreeValues.report(context, e.value(), "extra '" + e.name() + "' must be an array of requirements");
                }
            }
        }
        return out;
    }

    /** {@code [build-system] requires}. */
    static List<ManifestDependency> buildSystem(MapNode buildSystem, ParseContext context) {
        return requirements(TreeValues.strings(buildSystem, "requires", false, context),
                Section.of(Section.Kind.BUILD_SYSTEM), context);
    }

    /**
     * {@code [dependency-groups]}: each group's own requirements go to {@code out}; includes of
     * groups that do not exist, and include cycles, are reported.
     */
    static List<DependencyGroup> dependencyGroups(MapNode groups, List<ManifestDependency> out, ParseContext context) {
        List<DependencyGroup> read = new ArrayList<>();
        Map<String, List<ScalarNode>> includeNodes = new LinkedHashMap<>();
        for (MapNode.Entry e : sorted(groups)) {
            String name = Dependency.normalize(e.name());
            if (!(e.value() instanceof ListNode list)) {
                TreeValues.report(context, e.value(), "dependency group '" + e.name() + "' must be an array");
                continue;
            }
            List<ScalarNode> requirements = new ArrayList<>();
            List<ScalarNode> includes = new ArrayList<>();
            for (Node item : list.items()) {
                if (item instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
                    requirements.add(s);
                } else if (item instanceof MapNode m && m.entries().size() == 1 && m.get("include-group").isPresent()) {
                    TreeValues.string(m, "include-group", context).ifPresent(includes::add);
                } else {
                    TreeValues.report(context, item, "a dependency group holds requirement strings and"
                            + " {include-group = \"name\"} tables");
                }
            }
            out.addAll(requirements(requirements, new Section(Section.Kind.DEPENDENCY_GROUP, name), context));
            includeNodes.put(name, includes);
            read.add(new DependencyGroup(name, includes.stream().map(s -> Dependency.normalize(s.value())).toList(),
                    e.key().location()));
        }
        checkIncludes(includeNodes, context);
        return read;
    }

    private static void checkIncludes(Map<String, List<ScalarNode>> includes, ParseContext context) {
        for (Map.Entry<String, List<ScalarNode>> group : includes.entrySet()) {
            for (ScalarNode include : group.getValue()) {
                String target = Dependency.normalize(include.value());
                if (!includes.containsKey(target)) {
                    TreeValues.report(context, include, "included group '" + include.value() + "' is not defined");
                } else if (reaches(target, group.getKey(), includes, new HashSet<>())) {
                    TreeValues.report(context, include, "including group '" + include.value()
                            + "' makes a cycle");
                }
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, List<ScalarNode>> includes,
                                   Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (ScalarNode next : includes.getOrDefault(from, List.of())) {
            if (reaches(Dependency.normalize(next.value()), target, includes, seen)) {
                return true;
            }
        }
        return false;
    }

    /** PEP 508 requirements of one section, with their version ranges. */
    static List<ManifestDependency> requirements(List<ScalarNode> values, Section section, ParseContext context) {
        List<ManifestDependency> out = new ArrayList<>();
        for (ScalarNode value : values) {
            RequirementValues.pep508(value, context).map(r -> declared(r, section)).ifPresent(out::add);
        }
        return out;
    }

    /** A parsed requirement as a declared dependency of {@code section}. */
    static ManifestDependency declared(Requirement requirement, Section section) {
        return ManifestDependency.pep508(requirement.dependency(), section);
    }

    /** The entries of {@code map} in source order. */
    static List<MapNode.Entry> sorted(MapNode map) {
        List<MapNode.Entry> entries = new ArrayList<>(map.entries());
        entries.sort(Comparator.comparing(e -> e.key().location()));
        return entries;
    }
}

package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PdmSources;
import dev.veritensor.rules.pip.tree.RequirementValues;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code [tool.pdm]}: {@code [[tool.pdm.source]]} (name, url, verify_ssl, type,
 * include_packages, exclude_packages), {@code [tool.pdm.resolution] respect-source-order} and the
 * development groups of {@code [tool.pdm.dev-dependencies]}, whose items are pip requirement
 * arguments ({@code -e ./pkg} included).
 */
final class PdmTables {

    /**
     * What {@code [tool.pdm]} declares.
     *
     * @param dependencies the development dependencies
     * @param sources      the sources
     */
    record Pdm(List<ManifestDependency> dependencies, PdmSources sources) {
    }

    private PdmTables() {
    }

    static Pdm read(MapNode pdm, ParseContext context) {
        List<ManifestDependency> dependencies = new ArrayList<>();
        Optional<MapNode> dev = TreeValues.table(pdm, "dev-dependencies", context);
        if (dev.isPresent()) {
            for (MapNode.Entry e : ProjectTables.sorted(dev.get())) {
                if (!(e.value() instanceof ListNode list)) {
                    TreeValues.report(context, e.value(), "group '" + e.name() + "' must be an array of requirements");
                    continue;
                }
                Section section = new Section(Section.Kind.PDM_DEV, Dependency.normalize(e.name()));
                for (ScalarNode item : TreeValues.stringItems(list, e.name(), context)) {
                    RequirementValues.pipArgument(item, context)
                            .map(r -> ProjectTables.declared(r, section)).ifPresent(dependencies::add);
                }
            }
        }
        List<PdmSources.Source> sources = new ArrayList<>();
        for (MapNode s : TreeValues.tables(pdm, "source", context)) {
            Optional<ScalarNode> url = TreeValues.string(s, "url", context);
            Optional<ScalarNode> name = TreeValues.string(s, "name", context);
            if (url.isEmpty() || name.isEmpty()) {
                TreeValues.report(context, s, "a source needs a name and a url");
                continue;
            }
            boolean verify = TreeValues.bool(s, "verify_ssl", context).map(ScalarNode::isTrue).orElse(true);
            boolean findLinks = TreeValues.string(s, "type", context).map(t -> t.value().equals("find_links"))
                    .orElse(false);
            sources.add(new PdmSources.Source(name.get().value(), url.get().value(), verify, findLinks,
                    values(s, "include_packages", context), values(s, "exclude_packages", context),
                    url.get().location()));
        }
        Optional<Location> respectOrder = TreeValues.table(pdm, "resolution", context)
                .flatMap(r -> TreeValues.bool(r, "respect-source-order", context)).filter(ScalarNode::isTrue)
                .map(ScalarNode::location);
        return new Pdm(dependencies, new PdmSources(sources, respectOrder));
    }

    private static List<String> values(MapNode map, String key, ParseContext context) {
        return TreeValues.strings(map, key, false, context).stream().map(ScalarNode::value).toList();
    }
}

package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PdmSources;
import dev.veritensor.rules.pip.resolution.PoetrySources;
import dev.veritensor.rules.pip.resolution.UvIndexes;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code pyproject.toml} (TOML 1.0, through core's parser) into a {@link PyprojectDocument}:
 * PEP 621, PEP 735 and build-system requirements, Poetry's dependencies and sources, uv's indexes,
 * strategy, sources and {@code uv pip} settings, PDM's sources and development groups. Invalid
 * TOML is a parse error; values of the wrong shape and invalid requirements are warnings and the
 * rest of the file is read.
 */
public final class PyprojectParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/pyproject";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("pyproject.toml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        return List.of(read(source, map, context));
    }

    static PyprojectDocument read(Source source, MapNode root, ParseContext context) {
        List<ManifestDependency> declared = new ArrayList<>();
        List<DependencyGroup> groups = List.of();
        Optional<String> projectName = Optional.empty();
        Optional<MapNode> project = TreeValues.table(root, "project", context);
        if (project.isPresent()) {
            declared.addAll(ProjectTables.project(project.get(), context));
            projectName = TreeValues.string(project.get(), "name", context).map(ScalarNode::value);
        }
        Optional<MapNode> dependencyGroups = TreeValues.table(root, "dependency-groups", context);
        if (dependencyGroups.isPresent()) {
            groups = ProjectTables.dependencyGroups(dependencyGroups.get(), declared, context);
        }
        TreeValues.table(root, "build-system", context)
                .ifPresent(b -> declared.addAll(ProjectTables.buildSystem(b, context)));
        Optional<MapNode> tool = TreeValues.table(root, "tool", context);

        Optional<PoetrySources> poetry = Optional.empty();
        Optional<MapNode> poetryTable = tool.flatMap(t -> TreeValues.table(t, "poetry", context));
        if (poetryTable.isPresent()) {
            if (projectName.isEmpty()) {
                projectName = TreeValues.string(poetryTable.get(), "name", context).map(ScalarNode::value);
            }
            PoetryTables.Poetry read = PoetryTables.read(poetryTable.get(), context);
            Set<String> standard = declared.stream().filter(d -> d.section().kind() == Section.Kind.PROJECT
                            || d.section().kind() == Section.Kind.OPTIONAL)
                    .map(d -> d.dependency().normalizedName()).collect(Collectors.toSet());
            for (ManifestDependency d : read.dependencies()) {
                if (!onlyAddsSource(d, standard)) {
                    declared.add(d);
                }
            }
            poetry = Optional.of(read.sources());
        }

        Optional<UvIndexes> uv = Optional.empty();
        Optional<UvIndexes> uvPip = Optional.empty();
        Optional<MapNode> uvTable = tool.flatMap(t -> TreeValues.table(t, "uv", context));
        if (uvTable.isPresent()) {
            MapNode t = uvTable.get();
            for (Node n : t.list("dev-dependencies").map(l -> l.items()).orElse(List.of())) {
                if (n instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
                    declared.addAll(ProjectTables.requirements(List.of(s), Section.of(Section.Kind.UV_DEV), context));
                } else {
                    TreeValues.report(context, n, "items of 'dev-dependencies' must be strings");
                }
            }
            if (t.get("dev-dependencies").isPresent() && t.list("dev-dependencies").isEmpty()) {
                TreeValues.report(context, t.get("dev-dependencies").get(), "'dev-dependencies' must be an array");
            }
            Map<String, List<UvSettings.SourceEntry>> sources = TreeValues.table(t, "sources", context)
                    .map(s -> UvSettings.sources(s, context)).orElse(Map.of());
            declared.replaceAll(d -> UvSettings.apply(d, sources));
            uv = Optional.of(UvSettings.indexes(t, "uv", UvSettings.pins(sources), context));
            uvPip = TreeValues.table(t, "pip", context).map(p -> UvSettings.pipInterface(p, t, context));
        }

        Optional<PdmSources> pdm = Optional.empty();
        Optional<MapNode> pdmTable = tool.flatMap(t -> TreeValues.table(t, "pdm", context));
        if (pdmTable.isPresent()) {
            PdmTables.Pdm read = PdmTables.read(pdmTable.get(), context);
            declared.addAll(read.dependencies());
            pdm = Optional.of(read.sources());
        }
        declared.sort(Comparator.comparing(d -> d.dependency().location()));
        return new PyprojectDocument(source, projectName, declared, groups, poetry, uv, uvPip, pdm);
    }

    /**
     * Whether a Poetry entry only adds a source to a dependency that {@code [project]} declares
     * (Poetry 2: {@code name = { source = "..." }} without a version): the source constraint is kept,
     * the entry is not a declaration of its own.
     */
    private static boolean onlyAddsSource(ManifestDependency d, Set<String> standard) {
        Dependency dep = d.dependency();
        return dep.kind() == Dependency.Kind.REGISTRY && dep.specifier().isEmpty() && dep.index().isPresent()
                && standard.contains(dep.normalizedName());
    }
}

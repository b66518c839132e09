package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ManifestDocument;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PdmSources;
import dev.veritensor.rules.pip.resolution.PoetrySources;
import dev.veritensor.rules.pip.resolution.UvIndexes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code pyproject.toml}: the dependencies it declares for every tool (PEP 621 project and
 * optional dependencies, PEP 735 groups, build requirements, Poetry, PDM and uv development
 * dependencies) and the index configuration of each tool it configures.
 *
 * @param source           the file
 * @param projectName      {@code [project] name} or {@code [tool.poetry] name}, when present
 * @param declared         the declared dependencies in source order
 * @param dependencyGroups the PEP 735 groups with their includes
 * @param poetry           Poetry's sources and source constraints, when {@code [tool.poetry]} is present
 * @param uv               uv's index settings from {@code [tool.uv]}, when present
 * @param uvPip            the {@code uv pip} interface's settings from {@code [tool.uv.pip]}, when present
 * @param pdm              PDM's sources, when {@code [tool.pdm]} is present
 */
public record PyprojectDocument(Source source, Optional<String> projectName, List<ManifestDependency> declared,
                                List<DependencyGroup> dependencyGroups, Optional<PoetrySources> poetry,
                                Optional<UvIndexes> uv, Optional<UvIndexes> uvPip, Optional<PdmSources> pdm)
        implements ManifestDocument, ConfiguresIndexes {

    public PyprojectDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(projectName, "projectName");
        declared = List.copyOf(declared);
        dependencyGroups = List.copyOf(dependencyGroups);
        Objects.requireNonNull(poetry, "poetry");
        Objects.requireNonNull(uv, "uv");
        Objects.requireNonNull(uvPip, "uvPip");
        Objects.requireNonNull(pdm, "pdm");
    }

    @Override
    public String kind() {
        return "pyproject";
    }

    /**
     * The declared dependencies, without references to the project itself: {@code lib[cli]} in
     * {@code lib}'s own optional dependencies only combines its extras, it installs no other package.
     */
    @Override
    public List<Dependency> dependencies() {
        Optional<String> self = projectName.map(Dependency::normalize);
        return declared.stream().map(ManifestDependency::dependency)
                .filter(d -> self.isEmpty() || !self.get().equals(d.normalizedName())).toList();
    }

    /** Poetry, uv, uv pip, PDM: the configurations present, in that order. */
    @Override
    public List<IndexConfig> indexConfigs() {
        List<IndexConfig> out = new ArrayList<>();
        poetry.ifPresent(out::add);
        uv.ifPresent(out::add);
        uvPip.ifPresent(out::add);
        pdm.ifPresent(out::add);
        return out;
    }

    /**
     * The settings of every tool's configuration, in source order; a value the {@code uv pip}
     * interface inherits from {@code [tool.uv]} appears once, as a {@code [tool.uv]} setting.
     */
    @Override
    public List<IndexSetting> indexSettings() {
        List<IndexSetting> out = new ArrayList<>();
        for (IndexConfig c : indexConfigs()) {
            out.addAll(c.indexSettings());
        }
        return UvSettings.inSourceOrder(out);
    }
}

package dev.veritensor.rules.pip.pipenv;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ManifestDocument;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PipfileSources;

import java.util.List;
import java.util.Objects;

/**
 * A {@code Pipfile}: the packages of each category ({@code [packages]}, {@code [dev-packages]} and
 * custom categories) and the sources Pipenv resolves them from.
 *
 * @param source   the file
 * @param declared the packages in source order, in sections {@code PIPENV:<category>}
 * @param sources  the {@code [[source]]} entries and {@code install_search_all_sources}
 */
public record PipfileDocument(Source source, List<ManifestDependency> declared, PipfileSources sources)
        implements ManifestDocument, ConfiguresIndexes {

    public PipfileDocument {
        Objects.requireNonNull(source, "source");
        declared = List.copyOf(declared);
        Objects.requireNonNull(sources, "sources");
    }

    @Override
    public String kind() {
        return "Pipfile";
    }

    @Override
    public List<Dependency> dependencies() {
        return declared.stream().map(ManifestDependency::dependency).toList();
    }

    @Override
    public List<IndexConfig> indexConfigs() {
        return List.of(sources);
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return sources.indexSettings();
    }
}

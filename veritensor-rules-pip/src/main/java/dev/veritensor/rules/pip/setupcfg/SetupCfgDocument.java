package dev.veritensor.rules.pip.setupcfg;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ManifestDocument;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PipIndexes;

import java.util.List;
import java.util.Objects;

/**
 * A setuptools {@code setup.cfg}: the requirements of {@code [options]} ({@code install_requires},
 * {@code setup_requires}, {@code tests_require}) and {@code [options.extras_require]}, and the
 * legacy {@code [easy_install]} index and find-links settings.
 *
 * @param source   the file
 * @param declared the requirements in source order, in sections {@code SETUP_CFG:<option>} and
 *                 {@code SETUP_CFG:extra:<name>}
 * @param settings the {@code [easy_install]} index settings
 */
public record SetupCfgDocument(Source source, List<ManifestDependency> declared, List<IndexSetting> settings)
        implements ManifestDocument, ConfiguresIndexes {

    public SetupCfgDocument {
        Objects.requireNonNull(source, "source");
        declared = List.copyOf(declared);
        settings = List.copyOf(settings);
    }

    @Override
    public String kind() {
        return "setup.cfg";
    }

    @Override
    public List<Dependency> dependencies() {
        return declared.stream().map(ManifestDependency::dependency).toList();
    }

    /** pip installs these requirements; the file's own settings are those of {@code [easy_install]}. */
    @Override
    public List<IndexConfig> indexConfigs() {
        return List.of(new PipIndexes(settings, List.of()));
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return settings;
    }
}

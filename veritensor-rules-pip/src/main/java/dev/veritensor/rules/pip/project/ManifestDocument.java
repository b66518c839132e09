package dev.veritensor.rules.pip.project;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.rules.pip.resolution.IndexConfig;

import java.util.List;

/**
 * A project manifest that declares dependencies for tools that may lock them
 * ({@code pyproject.toml}, {@code Pipfile}, {@code setup.cfg}). Its {@link #dependencies()} are
 * the {@link #declared()} dependencies' shared models, in the same order.
 */
public interface ManifestDocument extends DeclaresDependencies {

    /** The declared dependencies in source order. */
    List<ManifestDependency> declared();

    /** The index configuration of each tool the file configures, in a fixed tool order. */
    List<IndexConfig> indexConfigs();
}

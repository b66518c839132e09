package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.GradesFloatingVersions;
import dev.veritensor.rules.pip.resolution.IndexConfig;

import java.util.List;
import java.util.Optional;

/**
 * A project manifest that declares dependencies for tools that may lock them
 * ({@code pyproject.toml}, {@code Pipfile}, {@code setup.cfg}). Its {@link #dependencies()} are
 * the {@link #declared()} dependencies' shared models, in the same order.
 *
 * <p>Ranges are normal in a manifest whose versions a lockfile pins: a floating version here is
 * {@link Severity#LOW}, and {@code pip/floating-version} reports it only when no lockfile sits
 * beside the manifest.
 */
public interface ManifestDocument extends GradesFloatingVersions {

    /** The declared dependencies in source order. */
    List<ManifestDependency> declared();

    /** The index configuration of each tool the file configures, in a fixed tool order. */
    List<IndexConfig> indexConfigs();

    @Override
    default Optional<Severity> floatingVersionSeverity() {
        return Optional.of(Severity.LOW);
    }
}

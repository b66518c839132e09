package dev.veritensor.rules.pip.project;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;

import java.util.List;

/**
 * A lockfile ({@code poetry.lock}, {@code uv.lock}, {@code pdm.lock}, {@code pylock.toml},
 * {@code Pipfile.lock}): every locked package with its version, origin and hashes. Its
 * {@link #dependencies()} are the packages' shared models; its index settings are the sources it
 * records, if any.
 */
public interface LockfileDocument extends DeclaresDependencies, ConfiguresIndexes {

    /** The tool that writes this format, for messages: {@code Poetry}, {@code uv}, {@code PDM}, ... */
    String tool();

    /** The locked packages in file order. */
    List<LockedPackage> packages();

    /**
     * Whether this lockfile is meant to contain {@code declared}, a dependency of a manifest in the
     * same directory: the sections its tool locks (and, where the lockfile lists them, the locked
     * groups), and not marker-dependent entries where the format locks one environment only.
     */
    boolean locks(ManifestDependency declared);

    @Override
    default List<Dependency> dependencies() {
        return packages().stream().map(LockedPackage::toDependency).toList();
    }
}

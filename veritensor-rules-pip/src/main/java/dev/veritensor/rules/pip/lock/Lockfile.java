package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.project.ManifestDependency;

import java.util.List;
import java.util.Objects;

/**
 * A parsed lockfile of any of the supported formats.
 *
 * @param source        the file
 * @param kind          the format, e.g. {@code poetry.lock}
 * @param tool          the tool that writes it, e.g. {@code Poetry}
 * @param packages      the locked packages in file order
 * @param indexSettings the sources the lockfile records (Pipfile.lock), else none
 * @param coverage      which declared dependencies it is meant to contain
 */
record Lockfile(Source source, String kind, String tool, List<LockedPackage> packages,
                List<IndexSetting> indexSettings, LockCoverage coverage) implements LockfileDocument {

    Lockfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tool, "tool");
        packages = List.copyOf(packages);
        indexSettings = List.copyOf(indexSettings);
        Objects.requireNonNull(coverage, "coverage");
    }

    @Override
    public boolean locks(ManifestDependency declared) {
        return coverage.covers(declared);
    }
}

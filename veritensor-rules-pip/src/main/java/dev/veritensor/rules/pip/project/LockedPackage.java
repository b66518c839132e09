package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One package as a lockfile records it.
 *
 * @param name         the name as written
 * @param version      the locked version, when recorded
 * @param kind         where it comes from: a registry (index), a VCS, an archive URL or a local path
 * @param index        the index URL it was resolved from, when the lockfile records it
 * @param url          the direct reference (VCS URL with its commit, archive URL, path)
 * @param hashes       the recorded hashes, {@code algorithm:hex}, of all its files
 * @param editable     whether it is installed in editable mode
 * @param markers      the environment marker under which it is installed, when recorded
 * @param location     span of the entry (its name value for TOML lockfiles, its key for JSON)
 * @param nameLocation span of the name
 */
public record LockedPackage(String name, Optional<String> version, Dependency.Kind kind, Optional<String> index,
                            Optional<String> url, List<String> hashes, boolean editable, Optional<String> markers,
                            Location location, Location nameLocation) {

    public LockedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(url, "url");
        hashes = List.copyOf(hashes);
        Objects.requireNonNull(markers, "markers");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(nameLocation, "nameLocation");
    }

    /** The PEP 503 normalized name. */
    public String normalizedName() {
        return Dependency.normalize(name);
    }

    /**
     * Whether the package should carry a hash: registry and archive URL packages must; VCS
     * checkouts, local paths and editable installs cannot.
     */
    public boolean needsHash() {
        return !editable && (kind == Dependency.Kind.REGISTRY || kind == Dependency.Kind.URL);
    }

    /** The shared model: a dependency pinned to the locked version ({@code ==version}). */
    public Dependency toDependency() {
        return new Dependency(name, normalizedName(), version.map(v -> "==" + v).orElse(""), kind, url, hashes,
                index, markers, List.of(), false, location, nameLocation);
    }
}

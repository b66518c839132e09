package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Location;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code -r}/{@code --requirement} or {@code -c}/{@code --constraint} line of a requirements
 * file.
 *
 * @param constraint   whether it names a constraints file ({@code -c})
 * @param reference    the path or URL as written
 * @param location     span of the reference
 * @param resolvedPath scan path of the file it names, when that file is part of the scan
 */
public record FileReference(boolean constraint, String reference, Location location, Optional<String> resolvedPath) {
    public FileReference {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(resolvedPath, "resolvedPath");
    }

    /** A copy that records the file the reference resolved to. */
    FileReference resolvedTo(String path) {
        return new FileReference(constraint, reference, location, Optional.of(path));
    }
}

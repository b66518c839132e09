package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code permissions:} setting of the workflow token, at workflow or job level.
 *
 * @param preset   {@code write-all}, {@code read-all} or another scalar (an expression) when the
 *                 setting is not a mapping
 * @param scopes   the scopes of a mapping, in order
 * @param location span of the value
 */
public record Permissions(Optional<String> preset, List<Scope> scopes, Location location) {

    /**
     * One scope of a permissions mapping.
     *
     * @param name     e.g. {@code contents}, {@code id-token}
     * @param level    {@code read}, {@code write} or {@code none}
     * @param location span of the entry's key
     */
    public record Scope(String name, String level, Location location) {
        public Scope {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(location, "location");
        }

        /** Whether the scope grants write access. */
        public boolean isWrite() {
            return level.equals("write");
        }
    }

    public Permissions {
        Objects.requireNonNull(preset, "preset");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(location, "location");
    }

    /** Whether every scope is granted write access. */
    public boolean isWriteAll() {
        return preset.filter("write-all"::equals).isPresent();
    }

    /** The scopes granted write access. */
    public List<Scope> writeScopes() {
        return scopes.stream().filter(Scope::isWrite).toList();
    }
}

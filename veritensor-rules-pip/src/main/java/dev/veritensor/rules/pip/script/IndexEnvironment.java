package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.model.TextOrigin;
import dev.veritensor.rules.pip.script.CommandRecognizer.Tool;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The index settings in effect at one point of a script: environment variables
 * ({@link IndexVariables}) the enclosing file sets or the script assigns, and keys stored with
 * {@code pip config set}. A later definition of the same variable or key replaces the earlier
 * one. Immutable: {@link #with} returns a new environment.
 */
final class IndexEnvironment {

    /**
     * One definition.
     *
     * @param key      the variable name, or {@code pip config <key>} for a stored key
     * @param kind     what it sets
     * @param value    the value, expansions as {@code ${NAME}} stand-ins
     * @param origin   where the value's characters are in the file
     * @param location span of the value
     */
    record Definition(String key, IndexVariables.Kind kind, String value, TextOrigin origin, Location location) {
        Definition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(location, "location");
        }

        /** Whether it was stored with {@code pip config set} rather than given as a variable. */
        boolean stored() {
            return key.startsWith(CONFIG_PREFIX);
        }

        /** Its value's entries. */
        List<IndexItem> items() {
            boolean named = kind.tool() == Tool.UV
                    && (kind.meaning() == Meaning.INDEX || kind.meaning() == Meaning.DEFAULT_INDEX);
            return IndexItem.of(kind.meaning(), value, origin, kind.list(), named, Optional.empty());
        }
    }

    static final String CONFIG_PREFIX = "pip config ";

    /** An environment without definitions. */
    static final IndexEnvironment EMPTY = new IndexEnvironment(Map.of());

    private final Map<String, Definition> definitions;

    private IndexEnvironment(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    /** This environment with {@code added} defined, in order. */
    IndexEnvironment with(List<Definition> added) {
        if (added.isEmpty()) {
            return this;
        }
        Map<String, Definition> copy = new LinkedHashMap<>(definitions);
        for (Definition d : added) {
            copy.remove(d.key());
            copy.put(d.key(), d);
        }
        return new IndexEnvironment(copy);
    }

    /** The definition of the variable {@code name} in effect. */
    Optional<Definition> variable(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /**
     * What pip uses for {@code meaning} without a command-line option: the environment variable,
     * else the stored {@code pip config} key (environment variables override configuration files).
     */
    Optional<Definition> pip(Meaning meaning) {
        Definition stored = null;
        for (Definition d : definitions.values()) {
            if (d.kind().tool() == Tool.PIP && d.kind().meaning() == meaning) {
                if (!d.stored()) {
                    return Optional.of(d);
                }
                stored = d;
            }
        }
        return Optional.ofNullable(stored);
    }
}

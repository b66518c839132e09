package dev.veritensor.api.tree;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table (TOML), mapping (YAML) or object (JSON): entries in source order, each with its key's
 * own location. Keys are unique: core reports duplicates as diagnostics and keeps the first.
 *
 * @param entries  the entries in source order
 * @param location span of the whole map (for TOML tables, the header or first key)
 */
public record MapNode(List<Entry> entries, Location location) implements Node {

    /** One key and its value. */
    public record Entry(ScalarNode key, Node value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        /** The key's text. */
        public String name() {
            return key.value();
        }
    }

    public MapNode {
        entries = List.copyOf(entries);
        Objects.requireNonNull(location, "location");
    }

    /** The value under {@code key}. */
    public Optional<Node> get(String key) {
        for (Entry e : entries) {
            if (e.key().value().equals(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The entry under {@code key}. */
    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key().value().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The map under {@code key}, when present and a map. */
    public Optional<MapNode> map(String key) {
        return get(key).flatMap(Node::asMap);
    }

    /** The list under {@code key}, when present and a list. */
    public Optional<ListNode> list(String key) {
        return get(key).flatMap(Node::asList);
    }

    /** The scalar under {@code key}, when present and a scalar. */
    public Optional<ScalarNode> scalar(String key) {
        return get(key).flatMap(Node::asScalar);
    }

    /** The map at a dotted path of keys ({@code "tool", "poetry"}), when every step is a map. */
    public Optional<MapNode> path(String... keys) {
        MapNode current = this;
        for (String k : keys) {
            Optional<MapNode> next = current.map(k);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }
}

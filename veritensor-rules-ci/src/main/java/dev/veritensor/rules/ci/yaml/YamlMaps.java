package dev.veritensor.rules.ci.yaml;

import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;

import java.util.List;
import java.util.Optional;

/**
 * Small readers for the loose shapes CI files allow: a key whose value may be one item or a list
 * of them, a scalar's text under a key. (Core expands YAML merge keys and aliases, so mappings
 * are read as they are.)
 */
public final class YamlMaps {

    private YamlMaps() {
    }

    /** The scalar's text under {@code key}. */
    public static Optional<String> string(MapNode map, String key) {
        return map.scalar(key).map(ScalarNode::value);
    }

    /** The items of a sequence, or the node itself when it is a single value. */
    public static List<Node> items(Node node) {
        return node instanceof ListNode l ? l.items() : List.of(node);
    }
}

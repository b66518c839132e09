package dev.veritensor.api.tree;

import dev.veritensor.api.Location;

/**
 * A node of a structured document (TOML, YAML or JSON) as core parses it for packs, independent of
 * the parsing library. Every node carries the exact span of its text.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    /** Where the node's text is. */
    Location location();

    /** This node as a map, when it is one. */
    default java.util.Optional<MapNode> asMap() {
        return this instanceof MapNode m ? java.util.Optional.of(m) : java.util.Optional.empty();
    }

    /** This node as a list, when it is one. */
    default java.util.Optional<ListNode> asList() {
        return this instanceof ListNode l ? java.util.Optional.of(l) : java.util.Optional.empty();
    }

    /** This node as a scalar, when it is one. */
    default java.util.Optional<ScalarNode> asScalar() {
        return this instanceof ScalarNode s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** The scalar's text, when this node is a scalar (of any type). */
    default java.util.Optional<String> text() {
        return asScalar().map(ScalarNode::value);
    }
}

package dev.veritensor.api.tree;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * An array (TOML, JSON) or sequence (YAML), items in source order.
 *
 * @param items    the items
 * @param location span of the whole list
 */
public record ListNode(List<Node> items, Location location) implements Node {
    public ListNode {
        items = List.copyOf(items);
        Objects.requireNonNull(location, "location");
    }
}

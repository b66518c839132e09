package dev.veritensor.core.format;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.core.Limits;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits and assertions on parsed trees shared by the format tests. */
final class FormatTestSupport {

    private FormatTestSupport() {
    }

    /** The default limits with another nesting depth, YAML alias count and text size. */
    static Limits limits(int maxNestingDepth, int maxYamlAliases, long maxTextFileSize) {
        Limits d = Limits.DEFAULTS;
        return new Limits(maxTextFileSize, maxNestingDepth, maxYamlAliases, d.maxArchiveEntries(),
                d.maxArchiveEntrySize(), d.maxArchiveTotalSize(), d.maxExpansionRatio(), d.maxArchiveDepth());
    }

    /** The default limits with another nesting depth. */
    static Limits limitsWithDepth(int maxNestingDepth) {
        return limits(maxNestingDepth, Limits.DEFAULTS.maxYamlAliases(), Limits.DEFAULTS.maxTextFileSize());
    }

    /** Asserts a scalar's value, type, style and location. */
    static void assertScalar(Node node, String value, ScalarNode.Type type, ScalarNode.Style style, String where) {
        ScalarNode scalar = node.asScalar().orElseThrow();
        assertThat(scalar.value()).isEqualTo(value);
        assertThat(scalar.type()).isEqualTo(type);
        assertThat(scalar.style()).isEqualTo(style);
        assertThat(where(scalar)).isEqualTo(where);
    }

    /** A location as {@code line:column-line:column}. */
    static String where(Location location) {
        return location.startLine() + ":" + location.startColumn() + "-" + location.endLine() + ":" + location.endColumn();
    }

    /** A node's location as {@code line:column-line:column}. */
    static String where(Node node) {
        return where(node.location());
    }

    /** The source text a location spans. */
    static String spelled(SourceText text, Location location) {
        return text.content().substring(offset(text, location.startLine(), location.startColumn()),
                offset(text, location.endLine(), location.endColumn()));
    }

    /** The source text a node's location spans. */
    static String spelled(SourceText text, Node node) {
        return spelled(text, node.location());
    }

    /**
     * Asserts that a location names the text's path and lies within the text: every line exists
     * and every column is at most one past the end of its line.
     */
    static void assertWithin(SourceText text, Location location) {
        assertThat(location.path()).isEqualTo(text.path());
        assertThat(location.endLine()).as("end line of %s", location).isLessThanOrEqualTo(text.lineCount());
        assertThat(location.startColumn()).as("start column of %s", location)
                .isLessThanOrEqualTo(text.line(location.startLine()).length() + 1);
        assertThat(location.endColumn()).as("end column of %s", location)
                .isLessThanOrEqualTo(text.line(location.endLine()).length() + 1);
    }

    /**
     * Asserts {@link #assertWithin} for every node of a tree, visiting a node reached through
     * several aliases once, and that every quoted or block scalar spans some text (its quotes or
     * indicator at least).
     */
    static void assertWellLocated(SourceText text, Node root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            assertWithin(text, node.location());
            if (node instanceof MapNode map) {
                for (MapNode.Entry entry : map.entries()) {
                    pending.push(entry.key());
                    pending.push(entry.value());
                }
            } else if (node instanceof ListNode list) {
                list.items().forEach(pending::push);
            } else if (node instanceof ScalarNode scalar && scalar.style() != ScalarNode.Style.PLAIN) {
                assertThat(spelled(text, scalar)).as("quoted scalar at %s", scalar.location()).isNotEmpty();
            }
        }
    }

    private static int offset(SourceText text, int line, int column) {
        return text.lineStart(line) + column - 1;
    }
}

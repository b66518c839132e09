package dev.veritensor.core.format;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the neutral tree from a stream of start, scalar, alias and end events, as the YAML and
 * JSON converters read them from their libraries. Building is iterative, so no input depth can
 * overflow the stack, and it enforces the limits in one place:
 * <ul>
 *   <li>nesting depth: a collection may be opened at most {@code maxDepth} collections deep
 *       (the root collection is depth 1), and an alias may not carry a collection below that
 *       (a map merged with {@code <<} is counted where its alias stands, one level deeper than
 *       its entries land: a bound that errs by one on the safe side);</li>
 *   <li>expansion: the tree may hold at most {@code maxNodes} nodes once every alias is counted
 *       once per use, so a small alias bomb cannot hand a rule billions of nodes to walk.</li>
 * </ul>
 * In a map, a value that arrives without a pending key becomes the key, which must be a scalar.
 * A repeated key is reported as a {@code duplicate-key} warning and the first value is kept.
 * When merge keys are enabled (YAML), an entry under the plain key {@code <<} merges the entries
 * of a map, or of a list of maps, that the map does not define itself; the first source wins.
 */
final class TreeAssembler {

    /** A finished node with what the limits need to know about it. */
    record Built(Node node, int height, long size) {
    }

    private static final String MERGE_KEY = "<<";

    private final TextSpans spans;
    private final int maxDepth;
    private final long maxNodes;
    private final boolean mergeKeys;
    private final Consumer<Diagnostic> warnings;
    private final Deque<Frame> open = new ArrayDeque<>();
    private long nodes;
    private Built root;

    TreeAssembler(TextSpans spans, int maxDepth, long maxNodes, boolean mergeKeys, Consumer<Diagnostic> warnings) {
        this.spans = spans;
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
        this.mergeKeys = mergeKeys;
        this.warnings = warnings;
    }

    /**
     * Opens a map or a list whose text starts at {@code start}. A flow collection ends where its
     * closing bracket ends; a block collection ends where its last item's text ends.
     */
    void start(boolean map, boolean flow, int start) throws DocumentParseException {
        if (open.size() + 1 > maxDepth) {
            throw new DocumentParseException("nesting deeper than " + maxDepth + " levels", spans.pointAt(start));
        }
        count(1, start);
        open.push(new Frame(map, flow, start));
    }

    /** Adds a scalar whose text is {@code [start, end)}. */
    void scalar(ScalarNode node, int start, int end) throws DocumentParseException {
        count(1, start);
        attach(new Built(node, 0, 1), start, end);
    }

    /** Adds an already built node again (a YAML alias) at the alias text {@code [start, end)}. */
    void alias(Built target, int start, int end) throws DocumentParseException {
        if (open.size() + target.height() > maxDepth) {
            throw new DocumentParseException("alias nests collections deeper than " + maxDepth + " levels",
                    spans.span(start, end));
        }
        count(target.size(), start);
        attach(target, start, end);
    }

    /** Closes the innermost collection; {@code end} is where the library says its text ends. */
    Built end(int end) throws DocumentParseException {
        Frame frame = open.pop();
        int stop = frame.flow ? end : frame.lastEnd;
        Location location = spans.span(frame.start, Math.max(frame.start, stop));
        Node node = frame.map ? new MapNode(frame.mapEntries(), location) : new ListNode(frame.items, location);
        Built built = new Built(node, frame.height + 1, frame.size + 1);
        attach(built, frame.start, stop);
        return built;
    }

    /** The finished root node, if one was completed since the last call; resets for the next document. */
    Optional<Node> takeRoot() {
        Optional<Node> result = Optional.ofNullable(root).map(Built::node);
        root = null;
        return result;
    }

    private void count(long added, int at) throws DocumentParseException {
        nodes += added;
        if (nodes > maxNodes) {
            throw new DocumentParseException("aliases expand the document to more than " + maxNodes + " nodes",
                    spans.pointAt(at));
        }
    }

    private void attach(Built child, int start, int end) throws DocumentParseException {
        Frame frame = open.peek();
        if (frame == null) {
            root = child;
            return;
        }
        frame.height = Math.max(frame.height, child.height());
        frame.size += child.size();
        frame.lastEnd = Math.max(frame.lastEnd, end);
        if (!frame.map) {
            frame.items.add(child.node());
        } else if (frame.pendingKey == null) {
            if (!(child.node() instanceof ScalarNode key)) {
                throw new DocumentParseException("a mapping key must be a scalar", spans.span(start, end));
            }
            frame.pendingKey = key;
        } else {
            ScalarNode key = frame.pendingKey;
            frame.pendingKey = null;
            if (mergeKeys && key.style() == ScalarNode.Style.PLAIN && key.value().equals(MERGE_KEY)) {
                frame.merges.computeIfAbsent(frame.entries.size(), i -> new ArrayList<>())
                        .addAll(mergeSources(child.node(), key));
            } else {
                frame.entries.add(new MapNode.Entry(key, child.node()));
            }
        }
    }

    private static List<MapNode> mergeSources(Node value, ScalarNode key) throws DocumentParseException {
        if (value instanceof MapNode map) {
            return List.of(map);
        }
        List<MapNode> sources = new ArrayList<>();
        if (value instanceof ListNode list) {
            for (Node item : list.items()) {
                if (!(item instanceof MapNode map)) {
                    break;
                }
                sources.add(map);
            }
            if (sources.size() == list.items().size()) {
                return sources;
            }
        }
        throw new DocumentParseException("the merge key '<<' takes a mapping or a list of mappings", key.location());
    }

    /** An open collection. */
    private final class Frame {
        final boolean map;
        final boolean flow;
        final int start;
        final List<Node> items = new ArrayList<>();
        final List<MapNode.Entry> entries = new ArrayList<>();
        /** Merge sources by the index in {@link #entries} where the merge key stood. */
        final Map<Integer, List<MapNode>> merges = new LinkedHashMap<>();
        ScalarNode pendingKey;
        int lastEnd;
        int height;
        long size;

        Frame(boolean map, boolean flow, int start) {
            this.map = map;
            this.flow = flow;
            this.start = start;
            this.lastEnd = start;
        }

        /** The entries in source order: first of each key, merged entries where their key stood. */
        List<MapNode.Entry> mapEntries() {
            Map<String, MapNode.Entry> own = new LinkedHashMap<>();
            for (MapNode.Entry entry : entries) {
                MapNode.Entry first = own.putIfAbsent(entry.name(), entry);
                if (first != null) {
                    warnDuplicate(first, entry);
                }
            }
            if (merges.isEmpty()) {
                return List.copyOf(own.values());
            }
            List<MapNode.Entry> result = new ArrayList<>();
            Set<String> taken = new HashSet<>(own.keySet());
            for (int i = 0; i <= entries.size(); i++) {
                for (MapNode source : merges.getOrDefault(i, List.of())) {
                    for (MapNode.Entry merged : source.entries()) {
                        if (taken.add(merged.name())) {
                            result.add(merged);
                        }
                    }
                }
                if (i < entries.size() && own.get(entries.get(i).name()) == entries.get(i)) {
                    result.add(entries.get(i));
                }
            }
            return result;
        }

        private void warnDuplicate(MapNode.Entry first, MapNode.Entry duplicate) {
            Location at = duplicate.key().location();
            warnings.accept(Diagnostic.warning("duplicate-key", at, "duplicate key '" + duplicate.name()
                    + "' at line " + at.startLine() + " (first at line " + first.key().location().startLine()
                    + "); the first value is used"));
        }
    }
}

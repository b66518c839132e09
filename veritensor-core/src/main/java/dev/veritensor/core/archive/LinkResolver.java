package dev.veritensor.core.archive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows an archive's symbolic links as a file system does once the archive is extracted, to
 * find links that stay inside on their own but leave together: {@code a/b/l1 -> ../../..} points
 * at the archive root, and {@code l2 -> a/b/l1/..} then at the folder above it. Each segment of a
 * link's folder and target is resolved in turn; a segment that names another symbolic link is
 * replaced by that link's target. Only the POSIX reading of names is followed (each link alone is
 * judged in both readings by {@link MemberName#linkEscape}).
 *
 * <p>Paths are held in a trie of the links' paths, so each step costs the same whatever the
 * path's length, and the steps of one archive are capped at {@link #MAX_STEPS}: a hostile archive
 * of many long, chained links cannot stall the scan.
 */
final class LinkResolver {

    /** Most links followed while resolving one link, as Linux allows (ELOOP beyond). */
    static final int MAX_HOPS = 40;
    /** Most segment steps for all the links of one archive. */
    static final long MAX_STEPS = 5_000_000;

    private static final int ROOT = 0;

    /** Parent of each trie node; the root's is -1. */
    private final List<Integer> parent = new ArrayList<>(List.of(-1));
    /** Child node by parent node and segment ({@code node + "/" + segment}). */
    private final Map<String, Integer> children = new HashMap<>();
    /** Target of the symbolic link at a trie node. */
    private final Map<Integer, String> targets = new HashMap<>();
    /** The last segment of each node's path. */
    private final List<String> segmentOf = new ArrayList<>(List.of(""));
    private long steps;

    /** Records the symbolic link at normalized member path {@code path}; a later link of the same path replaces it. */
    void add(String path, String target) {
        int node = ROOT;
        for (String segment : path.split("/")) {
            node = child(node, segment, true);
        }
        targets.put(node, cutAtNul(target));
    }

    /** Whether the step budget ran out, so some links were judged alone only. */
    boolean exhausted() {
        return steps > MAX_STEPS;
    }

    /**
     * Why the symbolic link at {@code path} to {@code target} leaves the archive once the other
     * links are followed, if it does. A loop of more than {@link #MAX_HOPS} links, or a spent
     * step budget, ends the resolution inside (extraction fails on a loop).
     */
    Optional<String> escape(String path, String target) {
        String t = cutAtNul(target);
        int slash = path.lastIndexOf('/');
        Deque<String> pending = new ArrayDeque<>(segments((slash < 0 ? "" : path.substring(0, slash + 1)) + t));
        int node = ROOT;
        int beyond = 0; // segments below a path no link lies under
        int hops = 0;
        List<String> through = new ArrayList<>();
        while (!pending.isEmpty()) {
            if (++steps > MAX_STEPS) {
                return Optional.empty();
            }
            String segment = pending.pollFirst();
            if (segment.equals("..")) {
                if (beyond > 0) {
                    beyond--;
                } else if (node == ROOT) {
                    return Optional.of("the link's target '" + MemberName.shown(target) + "' leaves the archive once"
                            + " the links it passes through are followed ('" + String.join("', '", through) + "')");
                } else {
                    node = parent.get(node);
                }
                continue;
            }
            if (beyond > 0) {
                beyond++;
                continue;
            }
            int next = child(node, segment, false);
            if (next < 0) {
                beyond = 1;
                continue;
            }
            String via = targets.get(next);
            if (via == null) {
                node = next;
                continue;
            }
            if (++hops > MAX_HOPS) {
                return Optional.empty();
            }
            through.add(MemberName.shown(path(next)));
            if (via.startsWith("/")) {
                return Optional.of("the link's target '" + MemberName.shown(target) + "' reaches the absolute path '"
                        + MemberName.shown(via) + "' through the link '" + through.get(through.size() - 1) + "'");
            }
            List<String> replacement = segments(via);
            for (int i = replacement.size() - 1; i >= 0; i--) {
                pending.addFirst(replacement.get(i));
            }
        }
        return Optional.empty();
    }

    private int child(int node, String segment, boolean create) {
        String key = node + "/" + segment;
        Integer c = children.get(key);
        if (c != null || !create) {
            return c == null ? -1 : c;
        }
        int id = parent.size();
        parent.add(node);
        segmentOf.add(segment);
        children.put(key, id);
        return id;
    }

    /** The member path of trie node {@code node}. */
    private String path(int node) {
        Deque<String> parts = new ArrayDeque<>();
        for (int n = node; n != ROOT; n = parent.get(n)) {
            parts.addFirst(segmentOf.get(n));
        }
        return String.join("/", parts);
    }

    /** The non-empty segments of {@code path} other than {@code .}. */
    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}

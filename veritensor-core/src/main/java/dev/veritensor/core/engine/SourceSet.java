package dev.veritensor.core.engine;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The inputs of one scan: the sources found up front, the members of archives as the scan opens
 * them, and the resolution of references between files. A directory tree is walked without
 * following links out of the root; in-memory sources resolve references among themselves only.
 * Members are added between parse rounds, never while parsers resolve references.
 */
public final class SourceSet {

    private static final Set<String> VCS_DIRS = Set.of(".git", ".hg", ".svn");

    private final Path root;
    private final Map<String, Source> byPath;
    private final List<Diagnostic> diagnostics;
    private final PathGlob exclude;

    private SourceSet(Path root, Map<String, Source> byPath, List<Diagnostic> diagnostics, PathGlob exclude) {
        this.root = root;
        this.byPath = byPath;
        this.diagnostics = diagnostics;
        this.exclude = exclude;
    }

    /** The outcome of resolving a reference from one file to another. */
    public sealed interface Resolution {
        /** The reference names this source. */
        record Found(Source source, boolean excluded) implements Resolution { }

        /** The reference cannot be followed; {@code code} is the diagnostic code. */
        record Refused(String code, String reason) implements Resolution { }
    }

    /** Walks {@code root} (a real path). Configured exclusions prune the walk. */
    public static SourceSet ofDirectory(Path root, List<String> excludePatterns) throws IOException {
        return ofDirectory(root, List.of(root), excludePatterns);
    }

    /**
     * Walks the files and folders {@code starts} inside {@code root} (a real path); references
     * still resolve against the whole root.
     */
    public static SourceSet ofDirectory(Path root, List<Path> starts, List<String> excludePatterns) throws IOException {
        PathGlob exclude = new PathGlob(excludePatterns);
        Map<String, Source> found = new TreeMap<>();
        List<Diagnostic> diags = new ArrayList<>();
        SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(root, dir);
                if (VCS_DIRS.contains(dir.getFileName().toString()) || exclude.excludes(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (exclude.excludes(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    addLink(root, file, rel, found, diags);
                } else if (attrs.isRegularFile()) {
                    add(rel, file, found, diags);
                } else if (!attrs.isDirectory()) {
                    diags.add(Diagnostic.warning("not-a-regular-file", Location.ofFile(safe(rel)),
                            "skipped: not a regular file (device, socket or pipe)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                diags.add(Diagnostic.error("read-error", Location.ofFile(safe(relative(root, file))),
                        "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        };
        for (Path start : starts) {
            Path abs = start.toAbsolutePath().normalize();
            if (!abs.startsWith(root)) {
                throw new IOException(start + " is not inside the scan root " + root);
            }
            Files.walkFileTree(abs, visitor);
        }
        return new SourceSet(root, found, diags, exclude);
    }

    /** In-memory sources. Excluded paths are not scanned, but references to them resolve. */
    public static SourceSet ofSources(Collection<Source> sources, List<String> excludePatterns) {
        PathGlob exclude = new PathGlob(excludePatterns);
        Map<String, Source> all = new TreeMap<>();
        for (Source s : sources) {
            if (all.put(s.path(), s) != null) {
                throw new IllegalArgumentException("two sources share the path " + s.path());
            }
        }
        return new SourceSet(null, all, new ArrayList<>(), exclude);
    }

    private static void addLink(Path root, Path link, String rel, Map<String, Source> found, List<Diagnostic> diags) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            diags.add(Diagnostic.warning("broken-symlink", Location.ofFile(safe(rel)), "skipped: link to a missing file"));
            return;
        }
        if (!target.startsWith(root)) {
            diags.add(Diagnostic.warning("symlink-outside-root", Location.ofFile(safe(rel)),
                    "skipped: link points outside the scan root"));
        } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            add(rel, target, found, diags);
        }
        // A link to a folder inside the root is not walked: that folder is scanned at its own path.
    }

    private static void add(String rel, Path file, Map<String, Source> found, List<Diagnostic> diags) {
        if (hasArchiveSegment(rel)) {
            diags.add(Diagnostic.warning("unsupported-path", Location.ofFile(safe(rel)),
                    "skipped: a folder name ending in '!' is reserved for the members of archives"));
            return;
        }
        try {
            found.put(rel, Source.ofFile(rel, file));
        } catch (IllegalArgumentException e) {
            diags.add(Diagnostic.warning("unsupported-path", Location.ofFile(safe(rel)),
                    "skipped: the file name cannot be represented as a scan path"));
        } catch (IOException e) {
            diags.add(Diagnostic.error("read-error", Location.ofFile(safe(rel)), "cannot read: " + e.getMessage()));
        }
    }

    private static String relative(Path root, Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** A path usable in a {@link Location} even when the file name is odd. */
    static String safe(String rel) {
        String s = rel.replace('\\', '_').replace('\0', '_');
        StringBuilder out = new StringBuilder();
        for (String seg : s.split("/")) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                seg = "_";
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(seg);
        }
        return out.length() == 0 ? "_" : out.toString();
    }

    /** The sources found up front, excluded ones left out, ordered by path. */
    public List<Source> initial() {
        List<Source> list = new ArrayList<>(byPath.values().stream().filter(s -> !exclude.excludes(s.path())).toList());
        list.sort(Comparator.comparing(Source::path));
        return list;
    }

    /**
     * Adds the members of an archive the scan opened, so references resolve to them, and returns
     * those to scan: not excluded, and not at the path of another source (reported to
     * {@code diagnostics}; the first source keeps the path).
     */
    public List<Source> addMembers(List<Source> members, Consumer<Diagnostic> diagnostics) {
        List<Source> toScan = new ArrayList<>();
        for (Source m : members) {
            if (byPath.putIfAbsent(m.path(), m) != null) {
                diagnostics.accept(Diagnostic.warning("duplicate-path", Location.ofFile(m.path()),
                        "the archive member is not scanned: another source of the scan has its path"));
            } else if (!exclude.excludes(m.path())) {
                toScan.add(m);
            }
        }
        return toScan;
    }

    /** Diagnostics of the discovery (links, unreadable files). */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Resolves {@code reference}, relative to the folder of {@code fromPath}. */
    public Resolution resolve(String fromPath, String reference) {
        String ref = reference.trim().replace('\\', '/');
        if (ref.isEmpty()) {
            return new Resolution.Refused("include-not-found", "empty reference");
        }
        if (ref.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || ref.regionMatches(true, 0, "file:", 0, 5)) {
            return new Resolution.Refused("include-outside-root",
                    "'" + reference + "' is a URL; Veritensor never fetches from the network");
        }
        if (ref.startsWith("/") || ref.matches("^[A-Za-z]:/.*") || ref.startsWith("~")) {
            return new Resolution.Refused("include-outside-root",
                    "'" + reference + "' is an absolute path; only files inside the scan root are read");
        }
        Optional<String> path = join(fromPath, ref);
        if (path.isEmpty()) {
            return new Resolution.Refused("include-outside-root",
                    "'" + reference + "' leaves the scan root; it is not read");
        }
        String p = path.get();
        Source known = byPath.get(p);
        if (known != null) {
            return new Resolution.Found(known, exclude.excludes(p));
        }
        if (root == null || hasArchiveSegment(p)) {
            return new Resolution.Refused("include-not-found", "'" + reference + "' names no file of this scan");
        }
        Path file = root.resolve(p);
        try {
            if (!Files.exists(file)) {
                return new Resolution.Refused("include-not-found", "'" + reference + "' names no file (" + p + ")");
            }
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                return new Resolution.Refused("include-outside-root",
                        "'" + reference + "' is a link that leaves the scan root; it is not read");
            }
            if (!Files.isRegularFile(real)) {
                return new Resolution.Refused("include-not-found", "'" + reference + "' is not a regular file");
            }
            return new Resolution.Found(Source.ofFile(p, real), exclude.excludes(p) || hasVcsDir(p));
        } catch (IOException | IllegalArgumentException e) {
            return new Resolution.Refused("include-not-found", "'" + reference + "' cannot be read: " + e.getMessage());
        }
    }

    /** Whether a folder of {@code path} ends in {@code !}: the path names an archive member. */
    private static boolean hasArchiveSegment(String path) {
        int slash = path.indexOf('/');
        while (slash > 0) {
            if (path.charAt(slash - 1) == '!') {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return false;
    }

    private static boolean hasVcsDir(String path) {
        for (String seg : path.split("/")) {
            if (VCS_DIRS.contains(seg)) {
                return true;
            }
        }
        return false;
    }

    /** The normalized scan path of {@code ref} relative to the folder of {@code fromPath}; empty when it leaves the root. */
    static Optional<String> join(String fromPath, String ref) {
        List<String> parts = new ArrayList<>();
        String[] from = fromPath.split("/");
        for (int i = 0; i < from.length - 1; i++) {
            parts.add(from[i]);
        }
        // Archive members: "a.whl!/x/y" -> references stay inside the same archive.
        for (String seg : ref.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty() || parts.get(parts.size() - 1).endsWith("!")) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}

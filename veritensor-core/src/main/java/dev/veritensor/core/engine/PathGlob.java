package dev.veritensor.core.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Exclusion patterns over scan paths. A pattern without {@code /} matches a file or folder name at
 * any depth ({@code __pycache__}, {@code *.bak}); a pattern with {@code /} matches the whole path
 * from the scan root ({@code tests/fixtures/**}, {@code docs/*.txt}). A path is excluded when it,
 * or any folder above it, matches.
 */
final class PathGlob {

    private final List<Matcher> matchers;

    private record Matcher(PathMatcher matcher, boolean nameOnly) {
        boolean matches(String path) {
            if (nameOnly) {
                int slash = path.lastIndexOf('/');
                return matcher.matches(Path.of(path.substring(slash + 1)));
            }
            return matcher.matches(Path.of(path));
        }
    }

    PathGlob(List<String> patterns) {
        this.matchers = patterns.stream().map(PathGlob::compile).toList();
    }

    private static Matcher compile(String pattern) {
        String p = pattern.trim();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        boolean nameOnly = !p.contains("/") || (p.endsWith("/") && p.indexOf('/') == p.length() - 1);
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith("/**")) {
            // "dir/**" also excludes the folder itself, so it is pruned rather than walked.
            p = p.substring(0, p.length() - 3) + "{,/**}";
        }
        try {
            return new Matcher(FileSystems.getDefault().getPathMatcher("glob:" + p), nameOnly);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid exclude pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }

    /** Whether {@code path} (a scan path of a file or folder) or a folder above it is excluded. */
    boolean excludes(String path) {
        if (matchers.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            for (Matcher m : matchers) {
                if (m.matches(prefix)) {
                    return true;
                }
            }
            if (slash < 0) {
                return false;
            }
            from = slash + 1;
        }
    }
}

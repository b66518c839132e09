package dev.veritensor.core.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an archive entry's stored name maps to a path inside the archive, judged the way extractors
 * treat it. A name is cut at its first NUL byte (Python's zipfile does so). It leaves the archive
 * when it is absolute ({@code /x}, {@code \x}, {@code C:x}, {@code //host/x}) or when its
 * {@code ..} segments climb above the archive root, whether {@code \} is read as a separator
 * (Windows) or not. Otherwise its path resolves {@code .}, {@code ..} and empty segments and keeps
 * a {@code \} as part of the file name, as POSIX extractors do (shown as U+FFFD, since scan paths
 * cannot hold it).
 *
 * @param path       the normalized path inside the archive; empty when the name leaves the archive,
 *                   resolves to nothing or cannot be a scan path
 * @param traversal  why the name leaves the archive, when it does
 * @param irregular  what is odd about the name, one sentence each
 */
record MemberName(Optional<String> path, Optional<String> traversal, List<String> irregular) {

    /** Longest path accepted, in characters. */
    static final int MAX_LENGTH = 4096;

    private static final char REPLACEMENT = '\uFFFD';

    /** Judges {@code stored}, an entry name as decoded from the archive. */
    static MemberName of(String stored) {
        List<String> irregular = new ArrayList<>();
        String name = stored;
        int nul = name.indexOf('\0');
        if (nul >= 0) {
            name = name.substring(0, nul);
            irregular.add("the name holds a NUL byte; Python's zipfile reads it as '" + shown(name) + "'");
        }
        Optional<String> escape = escape(name, false);
        if (escape.isEmpty() && name.indexOf('\\') >= 0) {
            escape = escape(name.replace('\\', '/'), true);
        }
        if (escape.isPresent()) {
            return new MemberName(Optional.empty(), escape, irregular);
        }
        if (name.indexOf('\\') >= 0) {
            irregular.add("the name contains '\\', a folder separator on Windows and part of the file name elsewhere");
        }
        List<String> parts = new ArrayList<>();
        boolean dotDot = false;
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                dotDot = true;
                parts.remove(parts.size() - 1); // escape() proved the name stays inside
                continue;
            }
            parts.add(segment);
        }
        if (dotDot) {
            irregular.add("the name climbs with '..' and stays inside: Python's zipfile drops the '..', tar"
                    + " resolves it");
        }
        if (parts.isEmpty()) {
            return new MemberName(Optional.empty(), Optional.empty(), irregular);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).endsWith("!")) {
                irregular.add("a folder name ends in '!', which marks archive members in scan paths; not scanned");
                return new MemberName(Optional.empty(), Optional.empty(), irregular);
            }
        }
        String joined = String.join("/", parts);
        if (joined.length() > MAX_LENGTH) {
            irregular.add("the name is longer than " + MAX_LENGTH + " characters; not scanned");
            return new MemberName(Optional.empty(), Optional.empty(), irregular);
        }
        StringBuilder path = new StringBuilder(joined.length());
        boolean control = false;
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                control = true;
                path.append(REPLACEMENT);
            } else {
                path.append(c == '\\' ? REPLACEMENT : c);
            }
        }
        if (control) {
            irregular.add("the name holds control characters (shown as U+FFFD in its scan path)");
        }
        return new MemberName(Optional.of(path.toString()), Optional.empty(), irregular);
    }

    /** Why {@code name} leaves the archive, if it does; {@code windows} tells which reading is judged. */
    private static Optional<String> escape(String name, boolean windows) {
        String how = windows ? " when '\\' separates folders, as on Windows" : "";
        if (name.startsWith("/")) {
            return Optional.of("the name is an absolute path" + how);
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return Optional.of("the name starts with a drive letter" + how);
        }
        int depth = 0;
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return Optional.of("the name climbs out of the archive with '..'" + how);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return Optional.empty();
    }

    /**
     * Where a link at {@code linkPath} (a normalized member path, or empty for a link named at the
     * root) to {@code target} points, judged as for names; {@code fromRoot} for tar hard links,
     * whose targets are archive names rather than paths relative to the link.
     *
     * @return why the target leaves the archive, if it does
     */
    static Optional<String> linkEscape(String linkPath, String target, boolean fromRoot) {
        String t = target;
        int nul = t.indexOf('\0');
        if (nul >= 0) {
            t = t.substring(0, nul);
        }
        String base = "";
        if (!fromRoot) {
            int slash = linkPath.lastIndexOf('/');
            base = slash < 0 ? "" : linkPath.substring(0, slash + 1);
        }
        for (boolean windows : new boolean[] {false, true}) {
            String u = windows ? t.replace('\\', '/') : t;
            if (windows && u.equals(t)) {
                continue;
            }
            String how = windows ? " when '\\' separates folders, as on Windows" : "";
            if (u.startsWith("/") || (u.length() >= 2 && u.charAt(1) == ':' && Character.isLetter(u.charAt(0)))) {
                return Optional.of("the link points to the absolute path '" + shown(t) + "'" + how);
            }
            if (escape(base + u, windows).isPresent()) {
                return Optional.of("the link points out of the archive to '" + shown(t) + "'" + how);
            }
        }
        return Optional.empty();
    }

    /**
     * A stored name as listings and messages show it: printable, and cut after {@link #MAX_LENGTH}
     * characters (marked with an ellipsis), so hostile names cannot swell a listing.
     */
    static String shown(String stored) {
        return stored.length() > MAX_LENGTH ? printable(stored.substring(0, MAX_LENGTH)) + "\u2026" : printable(stored);
    }

    /** {@code s} with control characters written as {@code \xNN}, for names in messages and listings. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(String.format("\\x%02x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}

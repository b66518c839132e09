package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Dependency;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about direct references — the URL or path a requirement names instead of a version from
 * an index ({@code name @ url}, a VCS URL, an archive URL, a local path) — as pip reads them:
 * their {@link Dependency.Kind}, the VCS revision they check out, the hash fragment that pins an
 * archive, the {@code #egg=} name. Every method is total: malformed input gives empty or false,
 * never an exception.
 */
public final class DirectReferences {

    /** Hash algorithms pip accepts in hash-checking mode. */
    public static final Set<String> STRONG_HASHES = Set.of("sha256", "sha384", "sha512");

    /**
     * A hash pinned in a URL fragment ({@code #sha256=…}).
     *
     * @param algorithm the algorithm, lower case
     * @param value     the expected digest as written
     */
    public record Hash(String algorithm, String value) {
        /** Whether pip accepts this algorithm when checking hashes ({@link #STRONG_HASHES}). */
        public boolean isStrong() {
            return STRONG_HASHES.contains(algorithm);
        }
    }

    private static final Set<String> PIP_URL_SCHEMES = Set.of("http", "https", "file", "ftp");
    private static final Set<String> VCS_PREFIXES = Set.of("git", "hg", "svn", "bzr");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*+):");
    private static final Pattern HASH = Pattern.compile("[#&](sha1|sha224|sha256|sha384|sha512|md5)=([^&]*+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EGG = Pattern.compile("[#&]egg=([^&]*+)");
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final String[] ARCHIVE_EXTENSIONS = {".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz",
            ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar"};

    private DirectReferences() {
    }

    /**
     * The URL scheme of {@code reference}, lower case, when it starts with one. A single letter
     * followed by {@code :} is a Windows drive, not a scheme.
     */
    public static Optional<String> scheme(String reference) {
        Matcher m = SCHEME.matcher(reference);
        if (!m.lookingAt() || m.group(1).length() == 1) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether pip reads {@code text} as a URL rather than a requirement or a path: its scheme is
     * {@code http}, {@code https}, {@code file}, {@code ftp} or a VCS scheme
     * ({@code git+https}, {@code hg+ssh}, {@code svn+svn}, …). Bare {@code git:} or {@code svn:}
     * URLs are not among them.
     */
    public static boolean isPipUrl(String text) {
        return scheme(text).map(s -> PIP_URL_SCHEMES.contains(s) || isVcsScheme(s)).orElse(false);
    }

    /**
     * Where a direct reference takes its distribution from: {@link Dependency.Kind#VCS} for
     * {@code git+}, {@code hg+}, {@code svn+} and {@code bzr+} URLs,
     * {@link Dependency.Kind#PATH} for {@code file:} URLs and anything without a scheme,
     * {@link Dependency.Kind#URL} for every other URL.
     */
    public static Dependency.Kind kindOf(String reference) {
        Optional<String> scheme = scheme(reference);
        if (scheme.isEmpty() || scheme.get().equals("file")) {
            return Dependency.Kind.PATH;
        }
        return isVcsScheme(scheme.get()) ? Dependency.Kind.VCS : Dependency.Kind.URL;
    }

    /**
     * The revision a VCS URL checks out, as pip reads it: the text after the last {@code @} of
     * the URL's path (not of its user-info), before any {@code ?} query or {@code #} fragment.
     * Empty when the URL names no revision, so the default branch is installed.
     */
    public static Optional<String> vcsRevision(String url) {
        String u = beforeFragment(url);
        int query = u.indexOf('?');
        if (query >= 0) {
            u = u.substring(0, query);
        }
        int scheme = u.indexOf("://");
        int pathStart = scheme < 0 ? 0 : u.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            return Optional.empty();
        }
        int at = u.lastIndexOf('@');
        if (at < pathStart || at == u.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(u.substring(at + 1));
    }

    /**
     * Whether a VCS URL names a revision that cannot move: for Git and Mercurial a full commit id
     * (40 hex digits, or 64 for SHA-256 repositories), for Subversion a revision number, for
     * Bazaar a {@code revid:}. Branches, tags, short ids and URLs without a revision can all
     * change under the same text.
     */
    public static boolean pinsImmutableRevision(String url) {
        Optional<String> revision = vcsRevision(url);
        Optional<String> scheme = scheme(url);
        if (revision.isEmpty() || scheme.isEmpty()) {
            return false;
        }
        String rev = revision.get();
        String vcs = vcsName(scheme.get());
        return switch (vcs) {
            case "git", "hg" -> FULL_COMMIT.matcher(rev).matches();
            case "svn" -> !rev.isEmpty() && rev.chars().allMatch(c -> c >= '0' && c <= '9') && rev.length() <= 18;
            case "bzr" -> rev.startsWith("revid:") && rev.length() > "revid:".length();
            default -> false;
        };
    }

    /**
     * The hash pinned in the URL ({@code #sha256=…}, also after {@code &}), as pip finds it;
     * empty when none or when its value is empty.
     */
    public static Optional<Hash> hash(String url) {
        Matcher m = HASH.matcher(url);
        while (m.find()) {
            if (!m.group(2).isEmpty()) {
                return Optional.of(new Hash(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the URL's {@code #egg=} fragment (a project name, maybe with extras), when
     * present and not empty.
     */
    public static Optional<String> eggFragment(String url) {
        Matcher m = EGG.matcher(url);
        return m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The last path segment of a URL or path, without query and fragment. */
    public static String fileName(String reference) {
        String u = beforeFragment(reference);
        int query = u.indexOf('?');
        if (query >= 0 && scheme(u).isPresent()) {
            u = u.substring(0, query);
        }
        int slash = Math.max(u.lastIndexOf('/'), u.lastIndexOf('\\'));
        return u.substring(slash + 1);
    }

    /**
     * The project name of a wheel ({@code name-version-…-platform.whl}) the reference points to,
     * as the wheel file name spells it; empty for anything else.
     */
    public static Optional<String> wheelProject(String reference) {
        String file = fileName(reference);
        if (!file.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            return Optional.empty();
        }
        int dash = file.indexOf('-');
        return dash > 0 ? Optional.of(file.substring(0, dash)) : Optional.empty();
    }

    /** Whether the reference's file name has an archive extension pip installs from ({@code .whl}, {@code .tar.gz}, …). */
    public static boolean isArchive(String reference) {
        String file = fileName(reference).toLowerCase(Locale.ROOT);
        for (String ext : ARCHIVE_EXTENSIONS) {
            if (file.endsWith(ext) && file.length() > ext.length()) {
                return true;
            }
        }
        return false;
    }

    private static String beforeFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static boolean isVcsScheme(String scheme) {
        int plus = scheme.indexOf('+');
        return plus > 0 && VCS_PREFIXES.contains(scheme.substring(0, plus));
    }

    private static String vcsName(String scheme) {
        int plus = scheme.indexOf('+');
        return plus > 0 ? scheme.substring(0, plus) : scheme;
    }
}

package dev.veritensor.rules.pip.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, normalized and ordered as PEP 440 orders versions: epoch, release (trailing
 * zeros do not count), then development releases before pre-releases before the final release
 * before post-releases, and a local label after the version it labels.
 *
 * <p>Spellings PEP 440 normalizes are accepted ({@code v1.0}, {@code 1.0-alpha.1}, {@code 1.0-1},
 * {@code 1.0.post}, upper case). Numbers longer than 18 digits are not a version. Instances are
 * immutable.
 */
public final class Version implements Comparable<Version> {

    private static final Pattern SYNTAX = Pattern.compile(
            "v?(?:(\\d{1,18})!)?(\\d{1,18}(?:\\.\\d{1,18})*)"
                    + "(?:[-_.]?(alpha|beta|preview|pre|a|b|c|rc)[-_.]?(\\d{1,18})?)?"
                    + "(?:-(\\d{1,18})|[-_.]?(post|rev|r)[-_.]?(\\d{1,18})?)?"
                    + "(?:[-_.]?(dev)[-_.]?(\\d{1,18})?)?"
                    + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    /** Pre-release kinds in their order; {@link #NONE} sorts after all of them. */
    private static final int ALPHA = 0;
    private static final int BETA = 1;
    private static final int CANDIDATE = 2;
    private static final int NONE = 3;

    private final long epoch;
    private final long[] release;
    private final int preKind;
    private final long preNumber;
    private final long post;
    private final long dev;
    private final List<String> local;

    private Version(long epoch, long[] release, int preKind, long preNumber, long post, long dev, List<String> local) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** Parses {@code text} (surrounding blanks ignored), empty when it is not a PEP 440 version. */
    public static Optional<Version> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.length() > 256) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long[] release = Arrays.stream(m.group(2).split("\\.")).mapToLong(Long::parseLong).toArray();
        int preKind = NONE;
        long preNumber = 0;
        if (m.group(3) != null) {
            preKind = switch (m.group(3)) {
                case "a", "alpha" -> ALPHA;
                case "b", "beta" -> BETA;
                default -> CANDIDATE;
            };
            preNumber = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        }
        long post = -1;
        if (m.group(5) != null) {
            post = Long.parseLong(m.group(5));
        } else if (m.group(6) != null) {
            post = m.group(7) == null ? 0 : Long.parseLong(m.group(7));
        }
        long dev = -1;
        if (m.group(8) != null) {
            dev = m.group(9) == null ? 0 : Long.parseLong(m.group(9));
        }
        List<String> local = m.group(10) == null ? List.of() : List.of(m.group(10).split("[-_.]"));
        return Optional.of(new Version(epoch, release, preKind, preNumber, post, dev, local));
    }

    /** The release segments, as written (trailing zeros kept). */
    public long[] release() {
        return release.clone();
    }

    /** Whether this is a pre-release or development release. */
    public boolean isPrerelease() {
        return preKind != NONE || dev >= 0;
    }

    /** Whether this is a post-release. */
    public boolean isPostRelease() {
        return post >= 0;
    }

    /** Whether a local label ({@code +cu118}) is present. */
    public boolean hasLocal() {
        return !local.isEmpty();
    }

    /** This version without its local label. */
    public Version withoutLocal() {
        return local.isEmpty() ? this : new Version(epoch, release, preKind, preNumber, post, dev, List.of());
    }

    /** The public version made of the epoch and release only ({@code 1.2} of {@code 1.2rc1.post3}). */
    public Version baseVersion() {
        return new Version(epoch, release, NONE, 0, -1, -1, List.of());
    }

    /** The epoch. */
    long epoch() {
        return epoch;
    }

    /** Release segment {@code i}, 0 beyond the written segments. */
    long segment(int i) {
        return i < release.length ? release[i] : 0;
    }

    /** A version with the given epoch and release and nothing else. */
    static Version ofRelease(long epoch, long[] release) {
        return new Version(epoch, release.clone(), NONE, 0, -1, -1, List.of());
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        int n = Math.max(release.length, o.release.length);
        for (int i = 0; i < n; i++) {
            c = Long.compare(segment(i), o.segment(i));
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preKind != NONE) {
            c = Long.compare(preNumber, o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        c = Long.compare(post, o.post);
        if (c != 0) {
            return c;
        }
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, o.dev < 0 ? Long.MAX_VALUE : o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** A development release of a final version sorts before its pre-releases. */
    private int preRank() {
        if (preKind == NONE && post < 0 && dev >= 0) {
            return -1;
        }
        return preKind;
    }

    private static int compareLocal(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = isNumber(x);
            boolean yn = isNumber(y);
            int c;
            if (xn && yn) {
                c = compareNumbers(x, y);
            } else if (xn != yn) {
                c = xn ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int n = release.length;
        while (n > 1 && release[n - 1] == 0) {
            n--;
        }
        int h = Long.hashCode(epoch);
        for (int i = 0; i < n; i++) {
            h = 31 * h + Long.hashCode(release[i]);
        }
        return 31 * (31 * (31 * h + preKind) + Long.hashCode(post)) + Long.hashCode(dev);
    }

    /** The normalized spelling, e.g. {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (epoch != 0) {
            s.append(epoch).append('!');
        }
        List<String> parts = new ArrayList<>();
        for (long r : release) {
            parts.add(Long.toString(r));
        }
        s.append(String.join(".", parts));
        if (preKind != NONE) {
            s.append(preKind == ALPHA ? "a" : preKind == BETA ? "b" : "rc").append(preNumber);
        }
        if (post >= 0) {
            s.append(".post").append(post);
        }
        if (dev >= 0) {
            s.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            s.append('+').append(String.join(".", local));
        }
        return s.toString();
    }
}

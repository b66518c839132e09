package dev.veritensor.rules.pip.wheel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a scan path sits inside a distribution archive: {@code dist/pkg-1.0-py3-none-any.whl!/pkg.pth}
 * is member {@code pkg.pth} of the wheel {@code dist/pkg-1.0-py3-none-any.whl}. For archives inside
 * archives the innermost one counts.
 *
 * @param archivePath the scan path of the innermost archive
 * @param member      the member's path inside it, {@code /}-separated
 */
public record ArchiveMember(String archivePath, String member) {

    private static final List<String> SDIST_SUFFIXES = List.of(".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
            ".txz", ".tar", ".zip");

    /** The archive member a scan path names, when it has a {@code !/} part. */
    public static Optional<ArchiveMember> of(String scanPath) {
        int bang = scanPath.lastIndexOf("!/");
        if (bang < 0) {
            return Optional.empty();
        }
        return Optional.of(new ArchiveMember(scanPath.substring(0, bang), scanPath.substring(bang + 2)));
    }

    /** The archive's file name, without folders or outer archives. */
    public String archiveName() {
        int cut = Math.max(archivePath.lastIndexOf('/'), archivePath.lastIndexOf('!'));
        return archivePath.substring(cut + 1);
    }

    /** Whether the archive is a wheel ({@code .whl}). */
    public boolean inWheel() {
        return isWheelName(archiveName());
    }

    /** The scan path of this member. */
    public String scanPath() {
        return archivePath + "!/" + member;
    }

    /**
     * The normalised name of the distribution the archive holds, from its file name: the first
     * {@code -}-separated part of a wheel name, the part before the last {@code -} of an sdist name.
     */
    public Optional<String> distribution() {
        return distributionOf(archiveName());
    }

    /** Whether {@code fileName} names a wheel. */
    public static boolean isWheelName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".whl");
    }

    /** The normalised distribution name in a wheel or sdist file name, as {@link #distribution()}. */
    public static Optional<String> distributionOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String stem = null;
        if (lower.endsWith(".whl")) {
            int dash = fileName.indexOf('-');
            stem = dash > 0 ? fileName.substring(0, dash) : null;
        } else {
            for (String suffix : SDIST_SUFFIXES) {
                if (lower.endsWith(suffix)) {
                    String base = fileName.substring(0, fileName.length() - suffix.length());
                    int dash = base.lastIndexOf('-');
                    stem = dash > 0 ? base.substring(0, dash) : null;
                    break;
                }
            }
        }
        return stem == null ? Optional.empty() : Optional.of(normalise(stem));
    }

    /** A distribution name normalised as PEP 503 does: lower case, runs of {@code -_.} as one {@code -}. */
    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}

package dev.veritensor.rules.pip.wheel;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an installer puts a wheel's files, as far as start-up hooks care: the wheel's root and its
 * {@code <name>.data/purelib} and {@code <name>.data/platlib} folders are installed into
 * site-packages; so is anything the {@code <name>.data/data} scheme places below a
 * {@code site-packages} folder of the installation prefix ({@code data/lib/python3.12/site-packages/x.pth}).
 */
public final class WheelLayout {

    private static final Pattern DATA_DIRECTORY = Pattern.compile("[^-/]+-[^-/]+\\.data");

    private WheelLayout() {
    }

    /**
     * The path relative to site-packages that wheel member {@code member} is installed at, or empty
     * when it is installed elsewhere (scripts, headers, other data) or is a directory entry.
     */
    public static Optional<String> sitePackagesPath(String member) {
        if (member.isEmpty() || member.endsWith("/")) {
            return Optional.empty();
        }
        int slash = member.indexOf('/');
        if (slash < 0) {
            return Optional.of(member);
        }
        String top = member.substring(0, slash);
        if (!DATA_DIRECTORY.matcher(top).matches()) {
            return Optional.of(member);
        }
        String rest = member.substring(slash + 1);
        if (rest.startsWith("purelib/") || rest.startsWith("platlib/")) {
            return nonEmpty(rest.substring(rest.indexOf('/') + 1));
        }
        if (rest.startsWith("data/")) {
            String lower = rest.toLowerCase(Locale.ROOT);
            int at = lower.indexOf("/site-packages/");
            return at < 0 ? Optional.empty() : nonEmpty(rest.substring(at + "/site-packages/".length()));
        }
        return Optional.empty();
    }

    private static Optional<String> nonEmpty(String path) {
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    /** Whether {@code member} is installed directly into site-packages, where site.py reads {@code .pth} files. */
    public static boolean isInstalledAtSitePackagesRoot(String member) {
        return sitePackagesPath(member).filter(p -> p.indexOf('/') < 0).isPresent();
    }
}

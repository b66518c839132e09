package dev.veritensor.api;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The project's own packages and indexes, from the {@code [internal]} configuration section:
 * package name patterns ({@code corp-*}, matched against PEP 503 normalized names, {@code *} any
 * run of characters) and index URLs (matched after dropping credentials, a trailing slash and
 * case of scheme and host).
 *
 * @param packages package name patterns
 * @param indexes  URLs of the private index or proxy
 */
public record InternalScope(List<String> packages, List<String> indexes) {

    public InternalScope {
        packages = List.copyOf(packages);
        indexes = List.copyOf(indexes);
    }

    /** No internal packages or indexes configured. */
    public static InternalScope none() {
        return new InternalScope(List.of(), List.of());
    }

    /** Whether the configuration names any internal package. */
    public boolean isConfigured() {
        return !packages.isEmpty() || !indexes.isEmpty();
    }

    /** Whether {@code name} matches one of the internal package patterns. */
    public boolean isInternalPackage(String name) {
        String n = Dependency.normalize(name);
        for (String p : packages) {
            if (glob(Dependency.normalize(p)).matcher(n).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code url} is one of the internal indexes. */
    public boolean isInternalIndex(String url) {
        String u = canonicalUrl(url);
        return indexes.stream().anyMatch(i -> canonicalUrl(i).equals(u));
    }

    /** An index URL without credentials, trailing slash, or case in scheme and host. */
    public static String canonicalUrl(String url) {
        String u = Redaction.stripCredentials(url.trim());
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            int pathStart = u.indexOf('/', scheme + 3);
            String head = pathStart < 0 ? u : u.substring(0, pathStart);
            String tail = pathStart < 0 ? "" : u.substring(pathStart);
            u = head.toLowerCase(Locale.ROOT) + tail;
        }
        return u;
    }

    private static Pattern glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}

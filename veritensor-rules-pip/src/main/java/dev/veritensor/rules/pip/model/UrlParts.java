package dev.veritensor.rules.pip.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code scheme://[userinfo@]host[:port]/…} URL that index rules look at. The
 * authority ends at the first {@code /}, {@code ?} or {@code #}; the user-info is everything before
 * its last {@code @}. Parsing is lenient and never throws: text that is not such a URL (a path, a
 * bare {@code ${VAR}}) has no parts.
 *
 * @param scheme   the scheme, lower case
 * @param userInfo the user-info as written ({@code user:password}, {@code token}), when present
 * @param host     the host, lower case, without port or IPv6 brackets
 */
public record UrlParts(String scheme, Optional<String> userInfo, String host) {

    /** The parts of {@code url}, when it has a scheme followed by {@code //}. */
    public static Optional<UrlParts> parse(String url) {
        String u = url.strip();
        int sep = u.indexOf("://");
        if (sep <= 0 || DirectReferences.scheme(u).isEmpty()) {
            return Optional.empty();
        }
        int start = sep + 3;
        int end = start;
        while (end < u.length() && "/?#".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        String authority = u.substring(start, end);
        int at = authority.lastIndexOf('@');
        Optional<String> userInfo = at >= 0 ? Optional.of(authority.substring(0, at)) : Optional.empty();
        String hostPort = authority.substring(at + 1);
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close > 0 ? hostPort.substring(1, close) : hostPort.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        }
        return Optional.of(new UrlParts(u.substring(0, sep).toLowerCase(Locale.ROOT), userInfo,
                host.toLowerCase(Locale.ROOT)));
    }

    /** Whether the host is this machine ({@code localhost}, {@code 127.x.x.x}, {@code ::1}). */
    public boolean isLoopback() {
        return isLoopbackHost(host);
    }

    /** Whether {@code host} names this machine ({@code localhost}, {@code 127.x.x.x}, {@code ::1}). */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}

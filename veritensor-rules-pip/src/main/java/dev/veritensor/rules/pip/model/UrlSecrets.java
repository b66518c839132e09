package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Secrets written into package URLs. Besides the user-info
 * ({@code https://user:token@host/…}, masked by {@link Redaction}), some hosted indexes take the
 * access token as a path segment of the index URL:
 * <ul>
 *   <li>Gemfury: {@code https://pypi.fury.io/<token>/<account>/} (the one-segment
 *       {@code https://pypi.fury.io/<account>/} is the public form);</li>
 *   <li>Cloudsmith: {@code https://dl.cloudsmith.io/<token>/<owner>/<repository>/python/simple/}
 *       (the segments {@code public} and {@code basic} name the public and user-info forms);</li>
 *   <li>anaconda.org: {@code https://pypi.anaconda.org/t/<token>/<owner>/simple}, and the same
 *       {@code /t/<token>/} prefix on its other hosts.</li>
 * </ul>
 * A segment made only of environment references ({@code ${FURY_TOKEN}}) holds no secret.
 * {@link Redaction#mask(String)} masks the same tokens wherever they are shown; this class tells
 * rules which URL carries one.
 */
public final class UrlSecrets {

    private UrlSecrets() {
    }

    /** One path segment of a URL and its offset in the URL text. */
    private record Segment(String text, int start) {
    }

    /** The token written into the path of {@code url} by a host known to take one there. */
    public static Optional<String> pathToken(String url) {
        return tokenSegment(url).map(Segment::text);
    }

    private static Optional<Segment> tokenSegment(String url) {
        Optional<UrlParts> parts = UrlParts.parse(url);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String host = parts.get().host();
        List<Segment> path = segments(url);
        Optional<Segment> token = Optional.empty();
        if (host.equals("pypi.fury.io")) {
            token = path.size() >= 2 ? Optional.of(path.get(0)) : Optional.empty();
        } else if (host.equals("dl.cloudsmith.io")) {
            token = path.size() >= 2 && !List.of("public", "basic").contains(path.get(0).text().toLowerCase(Locale.ROOT))
                    ? Optional.of(path.get(0)) : Optional.empty();
        } else if (host.equals("anaconda.org") || host.endsWith(".anaconda.org")) {
            token = path.size() >= 2 && path.get(0).text().equals("t") ? Optional.of(path.get(1)) : Optional.empty();
        }
        return token.filter(s -> !EnvReferences.isOnlyReferences(s.text()));
    }

    /** The non-empty path segments of {@code url}, up to its query or fragment. */
    private static List<Segment> segments(String url) {
        int i = url.indexOf("://") + 3;
        while (i < url.length() && "/?#".indexOf(url.charAt(i)) < 0) {
            i++;
        }
        List<Segment> out = new ArrayList<>();
        while (i < url.length() && url.charAt(i) == '/') {
            int start = i + 1;
            int end = start;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            if (end > start) {
                out.add(new Segment(url.substring(start, end), start));
            }
            i = end;
        }
        return out;
    }
}

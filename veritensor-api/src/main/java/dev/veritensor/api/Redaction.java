package dev.veritensor.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials so that no report, message or log line ever repeats one. The engine applies
 * {@link #mask(String)} to every finding message and diagnostic; parsers and rules may use it for
 * anything else they display.
 */
public final class Redaction {

    /** What a masked credential reads as. */
    public static final String MASK = "***";

    // scheme://userinfo@ — userinfo is everything after the scheme up to an '@' before any '/' or
    // blank. Any other character (quotes, <, >) may be part of a password, so it is masked too.
    private static final Pattern URL_USERINFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s@]+)@");

    private Redaction() {
    }

    /** Replaces the user-info part of every URL in {@code text} ({@code https://u:p@host}) by {@code ***}. */
    public static String mask(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = URL_USERINFO.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code url} carries a user name, password or token before its host. */
    public static boolean hasCredentials(String url) {
        return URL_USERINFO.matcher(url).find();
    }

    /** {@code url} without its user-info part. */
    public static String stripCredentials(String url) {
        return URL_USERINFO.matcher(url).replaceAll("$1");
    }
}

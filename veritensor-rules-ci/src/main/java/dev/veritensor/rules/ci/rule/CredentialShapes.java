package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises credentials written into files: token formats that announce themselves by a prefix
 * (the shapes {@link Redaction} masks: GitHub, GitLab, Hugging Face, PyPI, AWS, OpenAI, Slack,
 * npm, private key blocks), URLs with a
 * password in their user-info, and literal secret-looking values under names such as
 * {@code *_PASSWORD} or {@code *_API_KEY}. Descriptions name the kind and a masked prefix, never
 * the secret.
 */
final class CredentialShapes {

    /**
     * A credential found in a text.
     *
     * @param kind   what it is, e.g. {@code GitHub token}
     * @param masked a masked form safe to print, e.g. {@code ghp_***}
     * @param start  offset of the credential in the text
     * @param end    offset just after it
     */
    record Match(String kind, String masked, int start, int end) {
    }

    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://([^/\\s:@'\"<>]+):([^/\\s@'\"<>]+)@");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:^|[_.-])(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
                    + "|auth[_-]?token|client[_-]?secret)(?:$|[_.-])");
    private static final Pattern NOT_A_SECRET_NAME = Pattern.compile("(?i).*(?:_file|_path|_url|_id|_name|_user(?:name)?|_env|_var)$");
    private static final Set<String> PLACEHOLDERS = Set.of("password", "changeme", "change-me", "secret", "token",
            "example", "dummy", "placeholder", "redacted", "xxxxxxxx", "none", "null", "true", "false");
    /** Words that mark a value as a throwaway for tests or local runs ({@code insecure-test-key}). */
    private static final List<String> THROWAWAY_MARKERS = List.of("test", "dummy", "fake", "example", "insecure",
            "sample", "changeme", "placeholder", "notasecret", "not-a-secret", "xxxx", "localhost");

    private CredentialShapes() {
    }

    /** Every token-shaped credential in {@code text}, in order (the shapes are the api's {@link Redaction}). */
    static List<Match> tokens(String text) {
        return Redaction.tokens(text).stream().map(t -> new Match(t.kind(), t.masked(), t.start(), t.end())).toList();
    }

    /** Every token-shaped credential and literal URL password in {@code text}, in order. */
    static List<Match> find(String text) {
        List<Match> out = new ArrayList<>(tokens(text));
        if (!text.contains("://") || text.indexOf('@') < 0) {
            return out;
        }
        Matcher m = URL_PASSWORD.matcher(text);
        while (m.find()) {
            String password = m.group(2);
            boolean variable = password.startsWith("$") || password.contains("${") || password.contains("$(")
                    || password.contains("%");
            boolean covered = out.stream().anyMatch(x -> x.start() < m.end(2) && m.start(2) < x.end());
            if (!variable && !covered) {
                out.add(new Match("password in a URL", "://" + "***@", m.start(2), m.end(2)));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Whether {@code name} names a secret ({@code DB_PASSWORD}, {@code api-key}, {@code HF_TOKEN}). */
    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find() && !NOT_A_SECRET_NAME.matcher(name).matches();
    }

    /**
     * Whether {@code value} looks like a real literal secret rather than a reference, a path, a
     * placeholder or a throwaway test value: at least 8 characters, no blanks, no variable or
     * expression, no marker of a throwaway value ({@code test}, {@code dummy}, {@code insecure} …),
     * and at least two of lower case, upper case, digits and symbols.
     */
    static boolean looksLikeSecret(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.length() < 8 || v.chars().anyMatch(Character::isWhitespace) || v.contains("$") || v.contains("{{")
                || v.startsWith("/") || v.startsWith("./") || v.contains("://")
                || PLACEHOLDERS.contains(lower) || THROWAWAY_MARKERS.stream().anyMatch(lower::contains)
                || v.chars().distinct().count() < 4) {
            return false;
        }
        int classes = 0;
        classes += v.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += v.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += v.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += v.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return classes >= 2;
    }
}

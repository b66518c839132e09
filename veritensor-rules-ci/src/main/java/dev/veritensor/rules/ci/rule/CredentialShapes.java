package dev.veritensor.rules.ci.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises credentials written into files: token formats that announce themselves by a prefix
 * (GitHub, GitLab, Hugging Face, PyPI, AWS, OpenAI, Slack, npm, private key blocks), URLs with a
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

    /**
     * A token format.
     *
     * @param kind          what it is
     * @param markers       literal texts one of which every match contains, checked before the pattern runs
     * @param pattern       the format
     * @param visiblePrefix how many leading characters a masked form shows
     */
    private record Shape(String kind, List<String> markers, Pattern pattern, int visiblePrefix) {

        boolean mayOccurIn(String text) {
            for (String m : markers) {
                if (text.contains(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    Pattern.compile("\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\\b"), 4),
            new Shape("GitHub fine-grained token", List.of("github_pat_"),
                    Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{50,}"), 11),
            new Shape("GitLab token", List.of("gl"),
                    Pattern.compile("\\bgl(?:pat|dt|rt|ptt|ft|cbt|oas)-[A-Za-z0-9_-]{20,}"), 6),
            new Shape("Hugging Face token", List.of("hf_"), Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b"), 3),
            new Shape("PyPI token", List.of("pypi-AgE"), Pattern.compile("\\bpypi-AgE[A-Za-z0-9_-]{50,}"), 5),
            new Shape("AWS access key", List.of("AKIA", "ASIA"), Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 4),
            new Shape("OpenAI API key", List.of("sk-"),
                    Pattern.compile("\\bsk-(?:proj-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"), 3),
            new Shape("Slack token", List.of("xox"), Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 5),
            new Shape("npm token", List.of("npm_"), Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"), 4),
            new Shape("private key", List.of("PRIVATE KEY"),
                    Pattern.compile("-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"), 0));

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

    /** Every token-shaped credential in {@code text}, in order. */
    static List<Match> tokens(String text) {
        List<Match> out = new ArrayList<>();
        for (Shape s : SHAPES) {
            if (!s.mayOccurIn(text)) {
                continue;
            }
            Matcher m = s.pattern().matcher(text);
            while (m.find()) {
                String masked = s.visiblePrefix() == 0 ? "-----BEGIN … PRIVATE KEY-----"
                        : m.group().substring(0, s.visiblePrefix()) + "***";
                out.add(new Match(s.kind(), masked, m.start(), m.end()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
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

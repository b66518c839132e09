package dev.veritensor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials so that no report, message or log line ever repeats one: the user-info of URLs,
 * tokens whose format announces them by a prefix (GitHub, GitLab, Hugging Face, PyPI, AWS,
 * OpenAI, Slack, npm, private key blocks), and access tokens that hosted package indexes take as a
 * path segment (Gemfury {@code pypi.fury.io/<token>/<account>/}, Cloudsmith
 * {@code dl.cloudsmith.io/<token>/<owner>/…}, anaconda.org {@code …anaconda.org/t/<token>/…};
 * an environment reference such as {@code ${FURY_TOKEN}} is not a token). The engine applies
 * {@link #mask(String)} to every finding message, fix and diagnostic; parsers and rules may use it
 * for anything else they display, and {@link #tokens(String)} to find such tokens.
 */
public final class Redaction {

    /**
     * A token-shaped credential in a text.
     *
     * @param kind   what it is, e.g. {@code GitHub token}
     * @param masked a form safe to print, e.g. {@code ghp_***}
     * @param start  offset of the token in the text
     * @param end    offset just after it
     */
    public record Token(String kind, String masked, int start, int end) {
    }

    /**
     * A token format: cheap literals one of which every match contains (in each letter case the
     * pattern accepts), the pattern, and how much of a match may show ({@code -1}: none, it reads
     * as a fixed text).
     */
    private record Shape(String kind, List<String> markers, Pattern pattern, int visiblePrefix) {
        String masked(String match) {
            return visiblePrefix < 0 ? "-----BEGIN … PRIVATE KEY-----" : match.substring(0, visiblePrefix) + MASK;
        }

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
                    Pattern.compile("-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"), -1),
            new Shape("Gemfury token", List.of(".io/", ".IO/"),
                    Pattern.compile("(?i)(?<=\\bpypi\\.fury\\.io/)[A-Za-z0-9_-]+(?=/[^/\\s?#'\"]+)"), 0),
            new Shape("Cloudsmith token", List.of(".io/", ".IO/"),
                    Pattern.compile("(?i)(?<=\\bdl\\.cloudsmith\\.io/)(?!(?:public|basic)/)[A-Za-z0-9_-]+"
                            + "(?=/[^/\\s?#'\"]+)"), 0),
            new Shape("anaconda.org token", List.of("/t/", "/T/"),
                    Pattern.compile("(?i)(?<=anaconda\\.org/t/)[A-Za-z0-9_-]+(?=/)"), 0));

    /** What a masked credential reads as. */
    public static final String MASK = "***";

    // scheme://userinfo@ — userinfo is everything after the scheme up to an '@' before any '/' or
    // blank. Any other character (quotes, <, >) may be part of a password, so it is masked too.
    private static final Pattern URL_USERINFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s@]+)@");

    private Redaction() {
    }

    /** Every token-shaped credential in {@code text}, ordered by position. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        for (Shape s : SHAPES) {
            if (!s.mayOccurIn(text)) {
                continue;
            }
            Matcher m = s.pattern().matcher(text);
            while (m.find()) {
                out.add(new Token(s.kind(), s.masked(m.group()), m.start(), m.end()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * {@code text} with the user-info of every URL ({@code https://u:p@host}) replaced by
     * {@code ***} and every token-shaped credential by its masked form ({@code ghp_***}).
     */
    public static String mask(String text) {
        List<Token> tokens = tokens(text);
        if (!tokens.isEmpty()) {
            StringBuilder sb = new StringBuilder(text.length());
            int at = 0;
            for (Token t : tokens) {
                if (t.start() >= at) {
                    sb.append(text, at, t.start()).append(t.masked());
                    at = t.end();
                }
            }
            text = sb.append(text, at, text.length()).toString();
        }
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

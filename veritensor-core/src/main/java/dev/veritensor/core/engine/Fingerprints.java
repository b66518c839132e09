package dev.veritensor.core.engine;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stable finding identities. A fingerprint hashes the rule id, the file path, the whitespace-
 * normalized text of the finding's first line (or, for files without text, the message) and the
 * finding's rank among findings with those same three values. Line numbers take no part, so adding
 * unrelated lines above a finding keeps its fingerprint.
 */
final class Fingerprints {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fingerprints() {
    }

    /** The content a finding's fingerprint is keyed on. */
    static String anchor(Location location, String message, Map<String, SourceText> texts) {
        SourceText text = texts.get(location.path());
        if (text == null) {
            return "message:" + message;
        }
        return text.lineIfPresent(location.startLine())
                .map(l -> "line:" + WHITESPACE.matcher(l.strip()).replaceAll(" "))
                .orElse("message:" + message);
    }

    /** The fingerprint of the {@code rank}-th (0-based) finding with this rule, path and anchor. */
    static String of(String ruleId, String path, String anchor, int rank) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {ruleId, path, anchor, Integer.toString(rank)}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

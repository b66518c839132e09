package dev.veritensor.rules.pip.wheel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hash algorithms a wheel RECORD may name (Python {@code hashlib} names) and how Veritensor
 * computes them. The wheel specification requires sha256 or stronger and forbids md5 and sha1;
 * digests are written in urlsafe base64 without padding. Some build tools write the same digest
 * in another encoding — hexadecimal, or standard base64 — which {@link #matches} accepts: the
 * bytes are what decides whether a file is what RECORD says.
 */
public final class RecordHashes {

    /** The algorithm every entry is hashed with while the wheel is first read. */
    public static final String DEFAULT = "sha256";

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("sha224", "SHA-224"), Map.entry("sha256", "SHA-256"), Map.entry("sha384", "SHA-384"),
            Map.entry("sha512", "SHA-512"), Map.entry("sha512_224", "SHA-512/224"),
            Map.entry("sha512_256", "SHA-512/256"), Map.entry("sha3_224", "SHA3-224"),
            Map.entry("sha3_256", "SHA3-256"), Map.entry("sha3_384", "SHA3-384"), Map.entry("sha3_512", "SHA3-512"));
    private static final Set<String> WEAK = Set.of("md5", "sha1");
    /** Strong hashlib algorithms the JDK has no implementation of. */
    private static final Set<String> NOT_COMPUTED = Set.of("blake2b", "blake2s", "shake_128", "shake_256");

    private RecordHashes() {
    }

    /** A new digest for a permitted algorithm Veritensor computes. */
    public static Optional<MessageDigest> digest(String algorithm) {
        String java = JAVA_NAMES.get(algorithm);
        if (java == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(java));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** Whether the wheel specification forbids the algorithm as too weak (md5, sha1). */
    public static boolean isWeak(String algorithm) {
        return WEAK.contains(algorithm);
    }

    /** Whether the algorithm is a strong one that the JDK cannot compute, so the digest cannot be verified. */
    public static boolean isNotComputed(String algorithm) {
        return NOT_COMPUTED.contains(algorithm);
    }

    /**
     * Whether {@code recorded}, a RECORD digest without its base64 padding, is the digest
     * {@code computed} (as {@link #encode} writes it): written as the specification says, with the
     * standard base64 alphabet ({@code +/} for {@code -_}), or in hexadecimal (either case).
     */
    public static boolean matches(String computed, String recorded) {
        if (recorded.equals(computed) || recorded.replace('+', '-').replace('/', '_').equals(computed)) {
            return true;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(computed);
        return recorded.length() == 2 * bytes.length && recorded.equalsIgnoreCase(HexFormat.of().formatHex(bytes));
    }

    /** A digest as RECORD writes it: urlsafe base64 without padding. */
    public static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}

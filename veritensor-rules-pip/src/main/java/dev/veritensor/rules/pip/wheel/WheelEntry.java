package dev.veritensor.rules.pip.wheel;

import java.util.Map;
import java.util.Optional;

/**
 * One file of a wheel as it actually is: its name in the archive, its uncompressed size and its
 * digests, computed while streaming it.
 *
 * @param name    the member name, {@code /}-separated, as stored in the archive
 * @param size    uncompressed size in bytes
 * @param digests digest per algorithm, by hashlib name ({@code sha256}), as RECORD writes them:
 *                urlsafe base64 without padding; always holds {@code sha256}
 */
public record WheelEntry(String name, long size, Map<String, String> digests) {

    public WheelEntry {
        digests = Map.copyOf(digests);
    }

    /** The digest for {@code algorithm}, when it was computed. */
    public Optional<String> digest(String algorithm) {
        return Optional.ofNullable(digests.get(algorithm));
    }
}

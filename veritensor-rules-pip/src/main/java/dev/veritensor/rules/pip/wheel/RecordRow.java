package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.Location;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a wheel's {@code RECORD}: {@code path,algorithm=digest,size}.
 *
 * @param path     the file path, as written
 * @param hash     the hash field, as written (empty when absent)
 * @param size     the size field, as written (empty when absent)
 * @param location the row in the RECORD file
 */
public record RecordRow(String path, String hash, String size, Location location) {

    /** The hash algorithm (the part before {@code =}), when the hash field has one. */
    public Optional<String> algorithm() {
        int eq = hash.indexOf('=');
        return eq > 0 ? Optional.of(hash.substring(0, eq)) : Optional.empty();
    }

    /** The digest (the part after the first {@code =}, without base64 padding), when the hash field has one. */
    public Optional<String> digest() {
        int eq = hash.indexOf('=');
        if (eq <= 0 || eq == hash.length() - 1) {
            return Optional.empty();
        }
        String d = hash.substring(eq + 1);
        int end = d.length();
        while (end > 0 && d.charAt(end - 1) == '=') {
            end--;
        }
        return Optional.of(d.substring(0, end));
    }

    /** The size, when the field is a non-negative decimal number. */
    public OptionalLong sizeValue() {
        if (size.isEmpty() || size.length() > 18 || !size.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(size));
    }
}

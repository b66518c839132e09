package dev.veritensor.rules.artifacts.zip;

import java.util.Optional;

/**
 * A discrepancy in a zip archive that some readers tolerate and others reject or read
 * differently: a sign of tampering or of an archive crafted to look different to a scanner than
 * to the loader.
 *
 * @param member      the entry concerned, when one is
 * @param offset      byte offset in the archive where it shows
 * @param description what is wrong
 */
public record ZipAnomaly(Optional<String> member, long offset, String description) {
}

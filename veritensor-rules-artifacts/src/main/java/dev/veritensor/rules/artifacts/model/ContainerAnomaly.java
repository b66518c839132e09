package dev.veritensor.rules.artifacts.model;

import java.util.Optional;

/**
 * A structural discrepancy in a container: something the format's own loader tolerates or reads
 * differently from other readers, or that the file's name and bytes disagree on.
 *
 * @param member      the member concerned, when one is
 * @param offset      byte offset in the file (or member) where it shows
 * @param description what is wrong
 */
public record ContainerAnomaly(Optional<String> member, long offset, String description) {
}

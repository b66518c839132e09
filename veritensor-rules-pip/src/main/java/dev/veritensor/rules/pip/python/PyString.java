package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

/**
 * A string literal, or a literal part of an f-string, with its decoded value.
 *
 * @param value    the decoded value
 * @param location the literal in the file
 */
public record PyString(String value, Location location) {
}

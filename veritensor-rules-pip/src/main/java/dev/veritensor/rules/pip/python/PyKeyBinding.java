package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

/**
 * A key bound to a name by a dict display ({@code {'install': PostInstall}}), a keyword argument
 * ({@code dict(install=PostInstall)}) or a subscript assignment ({@code cmdclass['install'] =
 * PostInstall}), where the value is a plain dotted name.
 *
 * @param key      the string key or keyword
 * @param value    the dotted name as written
 * @param location from the key to the end of the value
 */
public record PyKeyBinding(String key, String value, Location location) {
}

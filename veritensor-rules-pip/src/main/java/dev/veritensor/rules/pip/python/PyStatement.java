package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.function.Predicate;

/**
 * One simple statement (or the header of a compound statement) with what it refers to.
 *
 * @param location    from its first to its last token
 * @param references  imports, reads and calls, in source order
 * @param strings     every string literal and f-string literal part in it
 * @param names       the dotted names it reads, as written ({@code path}, {@code self.target})
 * @param keywords    the names of the keyword arguments it passes ({@code data_files}, {@code shell})
 * @param assigned    the dotted names it assigns to, as written
 * @param keyBindings string keys bound to dotted names in it
 */
public record PyStatement(Location location, List<PyReference> references, List<PyString> strings,
                          List<String> names, List<String> keywords, List<String> assigned,
                          List<PyKeyBinding> keyBindings) {

    public PyStatement {
        references = List.copyOf(references);
        strings = List.copyOf(strings);
        names = List.copyOf(names);
        keywords = List.copyOf(keywords);
        assigned = List.copyOf(assigned);
        keyBindings = List.copyOf(keyBindings);
    }

    /** Whether a string literal of the statement has a value {@code test} accepts. */
    public boolean anyString(Predicate<String> test) {
        for (PyString s : strings) {
            if (test.test(s.value())) {
                return true;
            }
        }
        return false;
    }
}

package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.OptionalInt;

/**
 * A scope of Python code: the module, a class body or a function body, with the statements that
 * belong directly to it (statements of nested functions and classes belong to those). Statements
 * under {@code if}, {@code for}, {@code with}, {@code try} and the like belong to the enclosing
 * scope, as they do in Python.
 *
 * @param index      position in {@link PyCode#blocks()}; the module is 0
 * @param kind       module, class or function
 * @param name       the class or function name; empty for the module
 * @param parent     index of the enclosing block, empty for the module
 * @param header     the {@code def}/{@code class} header up to its colon; the file start for the module
 * @param bases      for a class, its base classes resolved like {@link PyReference#name()}
 * @param statements the block's own statements, in order
 */
public record PyBlock(int index, Kind kind, String name, OptionalInt parent, Location header, List<String> bases,
                      List<PyStatement> statements) {

    /** What kind of scope a block is. */
    public enum Kind { MODULE, CLASS, FUNCTION }

    public PyBlock {
        bases = List.copyOf(bases);
        statements = List.copyOf(statements);
    }
}

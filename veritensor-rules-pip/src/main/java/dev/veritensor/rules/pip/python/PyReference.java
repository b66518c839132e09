package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * Something a piece of Python code refers to: a module it imports, a name or attribute chain it
 * reads, or something it calls.
 *
 * <p>{@link #name()} is the qualified name after resolving the chain's first name through the
 * imports and simple aliases of the enclosing scopes and Python's builtins: {@code from os import
 * system as s; s(x)} calls {@code os.system}, {@code exec(x)} calls {@code builtins.exec},
 * {@code __import__('os').system} and {@code getattr(os, 'system')} name {@code os.system}, and
 * {@code posix}/{@code nt} read as {@code os}. A call on the result of a call is written with
 * {@code ()}: {@code pathlib.Path().write_text}. An unresolved chain keeps its written dotted form
 * ({@code self.run}, {@code helper}) and {@link #resolved()} is false.
 *
 * @param kind             import, read or call
 * @param name             the qualified name, as described above
 * @param resolved         whether the first name was bound by an import, an alias or a builtin
 * @param written          the source text of the chain, shortened when long
 * @param location         where the chain is (for a call, up to its closing parenthesis)
 * @param literalArguments for a call, the values of string literals passed directly as arguments
 *                         (positional or keyword), in order; empty otherwise
 */
public record PyReference(Kind kind, String name, boolean resolved, String written, Location location,
                          List<String> literalArguments) {

    /** How the code refers to the name. */
    public enum Kind {
        /** An {@code import} or {@code from … import} statement; the name is the module or module member. */
        IMPORT,
        /** The name or attribute is read (not called). */
        READ,
        /** The name or attribute is called. */
        CALL
    }

    public PyReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(location, "location");
        literalArguments = List.copyOf(literalArguments);
    }

    /** The last segment of the name ({@code write_text} for {@code pathlib.Path().write_text}). */
    public String lastSegment() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}

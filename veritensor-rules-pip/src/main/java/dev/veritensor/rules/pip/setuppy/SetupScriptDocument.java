package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.python.PyCode;

import java.util.Objects;

/**
 * A {@code setup.py} — in the repository or inside an sdist — or the module of an in-tree PEP 517
 * build backend, read as code, never run: its scopes, statements and references ({@link PyCode}).
 * {@link SetupCommands} and {@link InstallTimeCode} tell which of it runs when pip builds or
 * installs the project.
 *
 * @param source       the file
 * @param code         its code model
 * @param buildBackend whether the file is the module of an in-tree build backend (pip imports it
 *                     and calls its hooks) rather than a setup script (pip runs it)
 */
public record SetupScriptDocument(Source source, PyCode code, boolean buildBackend) implements Document {

    public SetupScriptDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
    }

    /** A setup script. */
    public SetupScriptDocument(Source source, PyCode code) {
        this(source, code, false);
    }

    @Override
    public String kind() {
        return buildBackend ? "build backend" : "setup.py";
    }
}

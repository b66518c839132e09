package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.python.PyCode;

import java.util.Objects;

/**
 * A {@code setup.py} — in the repository or inside an sdist — read as code, never run: its scopes,
 * statements and references ({@link PyCode}). {@link SetupCommands} and {@link InstallTimeCode}
 * tell which of it runs when pip builds or installs the project.
 *
 * @param source the file
 * @param code   its code model
 */
public record SetupScriptDocument(Source source, PyCode code) implements Document {

    public SetupScriptDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String kind() {
        return "setup.py";
    }
}

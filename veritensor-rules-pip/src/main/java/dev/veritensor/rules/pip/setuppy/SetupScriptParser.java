package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyTokenizer;
import dev.veritensor.rules.pip.python.PythonText;
import dev.veritensor.rules.pip.wheel.ArchiveMember;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads every file named {@code setup.py} ({@code pip/setup-py}) in the repository, and the one at
 * the top of an sdist ({@code dist/x-1.0.tar.gz!/x-1.0/setup.py}) — the one pip runs — with
 * {@link PyTokenizer} and {@link PyCodeReader}; a {@code setup.py} inside a wheel is never run.
 * The text is decoded as Python would (a PEP 263 coding declaration is honoured). A statement too
 * long to read in full is reported as {@code analysis-truncated}.
 */
public final class SetupScriptParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/setup-py";
    }

    @Override
    public boolean accepts(Source source) {
        if (!source.fileName().equals("setup.py")) {
            return false;
        }
        Optional<ArchiveMember> member = ArchiveMember.of(source.path());
        // pip runs the setup.py at the top of an sdist (or one folder down); a wheel's is never run
        return member.isEmpty() || !member.get().inWheel() && member.get().member().split("/").length <= 2;
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException {
        SourceText text = PythonText.module(source, context);
        PyCode code = PyCodeReader.read(PyTokenizer.of(source.path(), text.content()));
        if (!code.complete()) {
            context.report(Diagnostic.warning("analysis-truncated", Location.ofFile(source.path()),
                    "a statement is too long to read in full; its tail was not analysed"));
        }
        return List.of(new SetupScriptDocument(source, code));
    }
}

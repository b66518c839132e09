package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyTokenizer;
import dev.veritensor.rules.pip.python.PythonText;
import dev.veritensor.rules.pip.wheel.ArchiveMember;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the module of an in-tree PEP 517 build backend ({@code pip/build-backend}): a
 * {@code pyproject.toml} — in the repository, or at the top of an sdist, where pip builds from —
 * whose {@code [build-system]} names a {@code build-backend} and a {@code backend-path} makes pip
 * import that module from the project itself and call its hooks. The module
 * ({@code <backend-path>/<module path>.py}, tried in each {@code backend-path} entry) is included
 * and read like a setup script, with {@link PyTokenizer} and {@link PyCodeReader}, never run, into a
 * {@link SetupScriptDocument} marked as a build backend. A backend that is a package
 * ({@code <module>/__init__.py}) is not looked for. A {@code pyproject.toml} that is not valid
 * TOML is left to the pyproject parser, which reports it.
 */
public final class InTreeBackendParser implements DocumentParser {

    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    @Override
    public String id() {
        return "pip/build-backend";
    }

    @Override
    public boolean accepts(Source source) {
        if (!source.fileName().equals("pyproject.toml")) {
            return false;
        }
        Optional<ArchiveMember> member = ArchiveMember.of(source.path());
        return member.isEmpty() || !member.get().inWheel() && member.get().member().split("/").length <= 2;
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException {
        if (source.fileName().equals("pyproject.toml")) {
            includeBackend(source, context);
            return List.of();
        }
        // a backend module this parser included
        SourceText text = PythonText.module(source, context);
        PyCode code = PyCodeReader.read(PyTokenizer.of(source.path(), text.content()));
        if (!code.complete()) {
            context.report(Diagnostic.warning("analysis-truncated", Location.ofFile(source.path()),
                    "a statement is too long to read in full; its tail was not analysed"));
        }
        return List.of(new SetupScriptDocument(source, code, true));
    }

    private static void includeBackend(Source pyproject, ParseContext context) throws IOException {
        Node root;
        try {
            root = context.formats().toml(context.text(pyproject));
        } catch (DocumentParseException e) {
            return;
        }
        Optional<MapNode> buildSystem = root.asMap().flatMap(m -> m.map("build-system"));
        Optional<ScalarNode> backend = buildSystem.flatMap(b -> b.scalar("build-backend"));
        Optional<List<Node>> paths = buildSystem.flatMap(b -> b.list("backend-path")).map(l -> l.items());
        if (backend.isEmpty() || paths.isEmpty()) {
            return;
        }
        String module = backend.get().value().split(":", 2)[0].strip();
        if (!MODULE.matcher(module).matches()) {
            return;
        }
        for (Node path : paths.get()) {
            Optional<String> dir = path.asScalar().map(ScalarNode::value).map(String::strip);
            if (dir.isPresent()) {
                String prefix = dir.get().isEmpty() || dir.get().equals(".") ? "" : dir.get().replaceAll("/+$", "") + "/";
                context.include(pyproject, prefix + module.replace('.', '/') + ".py", backend.get().location());
            }
        }
    }
}

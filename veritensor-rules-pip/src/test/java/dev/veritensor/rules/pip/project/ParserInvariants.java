package dev.veritensor.rules.pip.project;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.core.Limits;
import dev.veritensor.rules.pip.lock.PdmLockParser;
import dev.veritensor.rules.pip.lock.PipfileLockParser;
import dev.veritensor.rules.pip.lock.PoetryLockParser;
import dev.veritensor.rules.pip.lock.PylockParser;
import dev.veritensor.rules.pip.lock.UvLockParser;
import dev.veritensor.rules.pip.pipenv.PipfileParser;
import dev.veritensor.rules.pip.pyproject.PdmTomlParser;
import dev.veritensor.rules.pip.pyproject.PoetryTomlParser;
import dev.veritensor.rules.pip.pyproject.PyprojectParser;
import dev.veritensor.rules.pip.pyproject.UvTomlParser;
import dev.veritensor.rules.pip.setupcfg.SetupCfgParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every manifest and lockfile parser guarantees on any input, checked by the fuzz and
 * mutation tests: it returns documents or throws {@link DocumentParseException} located inside
 * the text, nothing else; every location of the model and of its diagnostics lies inside the
 * text; the model can be walked completely (including each tool's resolution of each dependency).
 */
public final class ParserInvariants {

    /** Each parser under test, by the file name it reads. */
    public static final Map<String, DocumentParser> PARSERS = Map.ofEntries(
            Map.entry("pyproject.toml", new PyprojectParser()),
            Map.entry("uv.toml", new UvTomlParser()),
            Map.entry("poetry.toml", new PoetryTomlParser()),
            Map.entry("pdm.toml", new PdmTomlParser()),
            Map.entry("setup.cfg", new SetupCfgParser()),
            Map.entry("Pipfile", new PipfileParser()),
            Map.entry("poetry.lock", new PoetryLockParser()),
            Map.entry("uv.lock", new UvLockParser()),
            Map.entry("pdm.lock", new PdmLockParser()),
            Map.entry("pylock.toml", new PylockParser()),
            Map.entry("Pipfile.lock", new PipfileLockParser()));

    /** Small limits so fuzzing reaches them. */
    private static final Limits LIMITS = new Limits(1 << 20, 20, 10, 10, 1 << 20, 1 << 20, 10, 2);

    private ParserInvariants() {
    }

    /** Parses {@code input} as the file {@code fileName} and checks the guarantees. */
    public static void check(String fileName, byte[] input) {
        DocumentParser parser = PARSERS.get(fileName);
        Source source = Source.of("dir/" + fileName, input);
        SourceText text;
        try {
            text = SourceText.decode(source.path(), input);
        } catch (DocumentParseException e) {
            text = SourceText.of(source.path(), new String(input, StandardCharsets.UTF_8));
        }
        TomlParsing context = new TomlParsing(LIMITS);
        List<Document> documents;
        try {
            documents = parser.parse(source, context);
        } catch (DocumentParseException e) {
            within(text, e.location(), "parse error");
            return;
        } catch (IOException e) {
            throw new AssertionError("in-memory source failed to read", e);
        }
        for (Diagnostic d : context.diagnostics()) {
            within(text, d.location(), "diagnostic " + d.code());
        }
        for (Document document : documents) {
            walk(text, document);
        }
    }

    private static void walk(SourceText text, Document document) {
        List<Location> locations = new ArrayList<>();
        if (document instanceof DeclaresDependencies declares) {
            for (Dependency d : declares.dependencies()) {
                locations.add(d.location());
                locations.add(d.nameLocation());
            }
        }
        if (document instanceof ConfiguresIndexes indexes) {
            for (IndexSetting s : indexes.indexSettings()) {
                locations.add(s.location());
            }
        }
        if (document instanceof LockfileDocument lock) {
            for (LockedPackage p : lock.packages()) {
                locations.add(p.location());
            }
        }
        for (Location l : locations) {
            within(text, l, document.kind() + " model");
        }
        ModelText.render(document);
    }

    /** Fails unless {@code l} is in {@code text}'s file and inside its lines and columns. */
    public static void within(SourceText text, Location l, String what) {
        if (!l.path().equals(text.path()) || l.endLine() > text.lineCount()
                || l.startColumn() > text.line(l.startLine()).length() + 1
                || l.endColumn() > text.line(l.endLine()).length() + 1) {
            throw new AssertionError(what + " located outside the text: " + l);
        }
    }
}

package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;
import dev.veritensor.core.Limits;
import dev.veritensor.core.format.CoreFormats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ParseContext} for parser tests of the manifest and lockfile parsers: core's real TOML
 * and JSON parsers, no includes, diagnostics collected.
 */
public final class TomlParsing implements ParseContext {

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final CoreFormats formats;

    /** A context with core's default limits. */
    public TomlParsing() {
        this(Limits.DEFAULTS);
    }

    /** A context with the given limits. */
    public TomlParsing(Limits limits) {
        this.formats = new CoreFormats(limits, diagnostics::add);
    }

    /** Parses {@code content} at {@code path} with {@code parser} and returns its only document. */
    public static <D> D parse(DocumentParser parser, String path, String content, Class<D> type, TomlParsing context)
            throws DocumentParseException, IOException {
        List<Document> docs = parser.parse(Source.of(path, content), context);
        if (docs.size() != 1) {
            throw new AssertionError("expected one document, got " + docs.size());
        }
        return type.cast(docs.get(0));
    }

    /** The diagnostics reported so far. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public SourceText text(Source source) throws DocumentParseException {
        try {
            return SourceText.decode(source.path(), source.bytes(Limits.DEFAULTS.maxTextFileSize()));
        } catch (IOException e) {
            throw new DocumentParseException("cannot read: " + e.getMessage(), Location.ofFile(source.path()), e);
        }
    }

    @Override
    public StructuredFormats formats() {
        return formats;
    }

    @Override
    public Optional<Source> include(Source from, String reference, Location at) {
        return Optional.empty();
    }

    @Override
    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }
}

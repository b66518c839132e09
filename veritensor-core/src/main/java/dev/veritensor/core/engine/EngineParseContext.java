package dev.veritensor.core.engine;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
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
import java.util.Map;
import java.util.Optional;

/** The engine's {@link ParseContext} for one parse call; collects diagnostics and include requests. */
final class EngineParseContext implements ParseContext {

    /** A request, made while parsing, to parse another source with {@code parserId} too. */
    record IncludeRequest(Source source, String parserId) { }

    private final String parserId;
    private final SourceSet sources;
    private final Limits limits;
    private final Map<String, SourceText> texts;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<IncludeRequest> includes = new ArrayList<>();
    private final StructuredFormats formats;
    private DocumentParseException reported;

    EngineParseContext(String parserId, SourceSet sources, Limits limits, Map<String, SourceText> texts) {
        this.parserId = parserId;
        this.sources = sources;
        this.limits = limits;
        this.texts = texts;
        this.formats = new CoreFormats(limits, diagnostics::add);
    }

    @Override
    public SourceText text(Source source) throws DocumentParseException {
        SourceText cached = texts.get(source.path());
        if (cached != null) {
            return cached;
        }
        if (source.size() > limits.maxTextFileSize()) {
            throw reportedFailure("file-too-large", new DocumentParseException("file of " + source.size()
                    + " bytes exceeds the text size limit of " + limits.maxTextFileSize()
                    + " bytes (limits.max-file-size); not analysed", Location.ofFile(source.path())));
        }
        byte[] bytes;
        try {
            bytes = source.bytes(limits.maxTextFileSize());
        } catch (IOException e) {
            throw reportedFailure("read-error", new DocumentParseException("cannot read: " + e.getMessage(),
                    Location.ofFile(source.path()), e));
        }
        SourceText text;
        try {
            text = SourceText.decode(source.path(), bytes);
        } catch (DocumentParseException e) {
            throw reportedFailure("not-text", e);
        }
        SourceText prev = texts.putIfAbsent(source.path(), text);
        return prev != null ? prev : text;
    }

    private DocumentParseException reportedFailure(String code, DocumentParseException e) {
        diagnostics.add(Diagnostic.error(code, e.location(), e.getMessage()));
        reported = e;
        return e;
    }

    /** Whether {@code e} was already recorded as a diagnostic by {@link #text(Source)}. */
    boolean alreadyReported(DocumentParseException e) {
        return e == reported;
    }

    @Override
    public StructuredFormats formats() {
        return formats;
    }

    @Override
    public Optional<Source> include(Source from, String reference, Location at) {
        SourceSet.Resolution r = sources.resolve(from.path(), reference);
        if (r instanceof SourceSet.Resolution.Found found) {
            if (!found.excluded()) {
                includes.add(new IncludeRequest(found.source(), parserId));
            }
            return Optional.of(found.source());
        }
        SourceSet.Resolution.Refused refused = (SourceSet.Resolution.Refused) r;
        diagnostics.add(Diagnostic.warning(refused.code(), at, "reference not followed: " + refused.reason()));
        return Optional.empty();
    }

    @Override
    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<IncludeRequest> includes() {
        return includes;
    }
}

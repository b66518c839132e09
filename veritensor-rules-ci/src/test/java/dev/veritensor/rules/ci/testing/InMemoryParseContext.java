package dev.veritensor.rules.ci.testing;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parse context over in-memory sources with core's real YAML/TOML/JSON parsers and default
 * limits, for parser tests that do not need a whole scan. Includes resolve among the added
 * sources (relative to the including file's folder, {@code ..} allowed inside the root) and are
 * recorded.
 */
public final class InMemoryParseContext implements ParseContext {

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final StructuredFormats formats;
    private final long maxText;

    public InMemoryParseContext() {
        this(Limits.DEFAULTS);
    }

    public InMemoryParseContext(Limits limits) {
        this.formats = new CoreFormats(limits, diagnostics::add);
        this.maxText = limits.maxTextFileSize();
    }

    /** Adds a source with the given bytes. */
    public Source add(String path, byte[] content) {
        Source s = Source.of(path, content);
        sources.put(path, s);
        return s;
    }

    /** Adds a source with the given text. */
    public Source add(String path, String content) {
        Source s = Source.of(path, content);
        sources.put(path, s);
        return s;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Paths of the sources included so far, in order. */
    public List<String> includes() {
        return includes;
    }

    @Override
    public SourceText text(Source source) throws DocumentParseException {
        if (source.size() > maxText) {
            throw new DocumentParseException("too large", Location.ofFile(source.path()));
        }
        try {
            return SourceText.decode(source.path(), source.bytes(maxText));
        } catch (IOException e) {
            throw new DocumentParseException(e.getMessage(), Location.ofFile(source.path()), e);
        }
    }

    @Override
    public StructuredFormats formats() {
        return formats;
    }

    @Override
    public Optional<Source> include(Source from, String reference, Location at) {
        String dir = from.path().contains("/") ? from.path().substring(0, from.path().lastIndexOf('/') + 1) : "";
        List<String> parts = new ArrayList<>();
        for (String seg : (dir + reference).split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    diagnostics.add(Diagnostic.warning("include-outside-root", at, "outside: " + reference));
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        String path = String.join("/", parts);
        Source s = sources.get(path);
        if (s == null) {
            diagnostics.add(Diagnostic.warning("include-not-found", at, "not found: " + reference));
            return Optional.empty();
        }
        includes.add(path);
        return Optional.of(s);
    }

    @Override
    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }
}

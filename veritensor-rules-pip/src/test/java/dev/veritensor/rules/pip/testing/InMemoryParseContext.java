package dev.veritensor.rules.pip.testing;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@link ParseContext} over in-memory sources for parser tests that run without the engine. It
 * resolves includes like the engine does (relative to the including file, never out of the root,
 * never absolute or a URL), records the included paths and collects diagnostics, de-duplicated
 * like the engine's report.
 */
public final class InMemoryParseContext implements ParseContext {

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<String> included = new ArrayList<>();
    private final Map<String, SourceText> decoded = new LinkedHashMap<>();
    private final long maxTextSize;

    /** A context with a 10 MiB text limit. */
    public InMemoryParseContext() {
        this(10L * 1024 * 1024);
    }

    /** A context with the given text size limit. */
    public InMemoryParseContext(long maxTextSize) {
        this.maxTextSize = maxTextSize;
    }

    /** Adds a file to the scan and returns its source. */
    public Source add(String path, String content) {
        Source s = Source.of(path, content);
        sources.put(path, s);
        return s;
    }

    /** Adds a file with raw bytes. */
    public Source add(String path, byte[] content) {
        Source s = Source.of(path, content);
        sources.put(path, s);
        return s;
    }

    /** Diagnostics reported so far, sorted and without duplicates. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(new TreeSet<>(diagnostics));
    }

    /** The texts {@link #text} decoded, by path: what locations of the parsed documents point into. */
    public Map<String, SourceText> decodedTexts() {
        return decoded;
    }

    /** Paths handed out by {@link #include}, in order. */
    public List<String> included() {
        return included;
    }

    @Override
    public SourceText text(Source source) throws DocumentParseException {
        if (source.size() > maxTextSize) {
            throw new DocumentParseException("file too large", Location.ofFile(source.path()));
        }
        try {
            SourceText text = SourceText.decode(source.path(), source.bytes(maxTextSize));
            decoded.put(source.path(), text);
            return text;
        } catch (IOException e) {
            throw new DocumentParseException("cannot read: " + e.getMessage(), Location.ofFile(source.path()), e);
        }
    }

    @Override
    public StructuredFormats formats() {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Optional<Source> include(Source from, String reference, Location at) {
        String ref = reference.trim().replace('\\', '/');
        if (ref.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || ref.startsWith("/") || ref.startsWith("~")) {
            diagnostics.add(Diagnostic.warning("include-outside-root", at, "not followed: " + reference));
            return Optional.empty();
        }
        int slash = from.path().lastIndexOf('/');
        List<String> parts = new ArrayList<>();
        if (slash >= 0) {
            parts.addAll(List.of(from.path().substring(0, slash).split("/")));
        }
        for (String seg : ref.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    diagnostics.add(Diagnostic.warning("include-outside-root", at, "not followed: " + reference));
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        Source s = sources.get(String.join("/", parts));
        if (s == null) {
            diagnostics.add(Diagnostic.warning("include-not-found", at, "not found: " + reference));
            return Optional.empty();
        }
        included.add(s.path());
        return Optional.of(s);
    }

    @Override
    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }
}

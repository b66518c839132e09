package dev.veritensor.api;

import java.util.Optional;

/**
 * What the engine offers a parser while it reads one source: decoding within limits, core's
 * structured-format parsers, resolution of references to other files within the scan, and a
 * place for diagnostics. One context serves one parse call; it is not shared between threads.
 */
public interface ParseContext {

    /**
     * The source decoded as UTF-8 text, within the configured size limit for text files.
     *
     * @throws DocumentParseException when the source is too large, binary or not UTF-8
     */
    SourceText text(Source source) throws DocumentParseException;

    /** TOML, YAML and JSON parsers with the scan's limits. */
    StructuredFormats formats();

    /**
     * Resolves {@code reference}, a path relative to {@code from}'s directory, to another source
     * of the same scan, and makes sure that source is scanned (once) by the calling parser as well
     * as by any parser that accepts it (from a {@link ScriptParser}, only by the parsers that accept
     * it). A reference that leaves the scan root, is absolute, is a URL or names no file is reported
     * as a diagnostic at {@code at} and gives empty. An excluded file is returned for reading but
     * not scanned.
     */
    Optional<Source> include(Source from, String reference, Location at);

    /** Records a diagnostic about the source being parsed. */
    void report(Diagnostic diagnostic);
}

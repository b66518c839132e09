package dev.veritensor.api;

import java.io.IOException;
import java.util.List;

/**
 * Reads one format into documents. Parsers are stateless and thread-safe; they never execute,
 * import or load what they read and never use the network.
 *
 * <p>The engine offers every source to every registered parser's {@link #accepts(Source)}; a
 * parser recognises its format by file name or by its leading bytes. A source may be read by
 * several parsers.
 */
public interface DocumentParser {

    /** Stable id, {@code pack/format}, e.g. {@code pip/requirements}. */
    String id();

    /** Whether this parser reads {@code source}. Cheap: decides on the path or {@link Source#head(int)}. */
    boolean accepts(Source source) throws IOException;

    /**
     * Parses {@code source}. Recoverable problems go to {@link ParseContext#report(Diagnostic)};
     * a source that cannot be read as this format at all throws.
     *
     * @return the documents, possibly none
     * @throws DocumentParseException when the source is not this format
     * @throws IOException            when reading the source fails
     */
    List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException;
}

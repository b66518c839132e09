package dev.veritensor.api;

/**
 * A parsed model of (part of) a source. Packs define concrete document types; documents that
 * carry dependencies, index settings or scripts also implement the capability views
 * {@link DeclaresDependencies}, {@link ConfiguresIndexes} and {@link ContainsScripts}, through
 * which rules of any pack read them. Documents are immutable and every element they expose carries
 * its {@link Location}.
 */
public interface Document {

    /** The source this document was parsed from (for derived documents, the source of the script). */
    Source source();

    /** Short name of the format, for messages and statistics, e.g. {@code requirements}. */
    String kind();
}

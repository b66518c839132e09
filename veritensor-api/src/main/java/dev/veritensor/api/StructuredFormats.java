package dev.veritensor.api;

import dev.veritensor.api.tree.Node;

import java.util.List;

/**
 * Core's parsers for structured formats, offered to packs through {@link ParseContext#formats()}.
 * They enforce the configured limits (size, nesting depth, YAML aliases) in one place and report
 * duplicate keys as warnings. Any failure is a {@link DocumentParseException} with a position.
 */
public interface StructuredFormats {

    /** Parses TOML 1.0; the root is a map. */
    Node toml(SourceText text) throws DocumentParseException;

    /** Parses every YAML document of a stream, in order; an empty stream gives an empty list. */
    List<Node> yaml(SourceText text) throws DocumentParseException;

    /** Parses one JSON value. */
    Node json(SourceText text) throws DocumentParseException;
}

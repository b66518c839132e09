package dev.veritensor.api;

import java.util.List;

/**
 * Derives documents from a shell script held in another document, such as the dependencies of a
 * {@code pip install} line in a CI workflow. Derived documents carry locations in the file that
 * holds the script, so rules report on the workflow line. Stateless and thread-safe.
 */
public interface ScriptParser {

    /** Stable id, {@code pack/name}. */
    String id();

    /**
     * Reads {@code script}, which {@code owner} contains.
     *
     * @return derived documents, possibly none
     */
    List<Document> parse(Script script, ContainsScripts owner, ParseContext context);
}

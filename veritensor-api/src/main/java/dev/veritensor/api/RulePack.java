package dev.veritensor.api;

import java.util.List;

/**
 * A unit of parsers and rules that the engine loads together. Packs are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.veritensor.api.RulePack})
 * or passed to the scanner explicitly. A pack depends only on this API, never on another pack:
 * packs cooperate through the shared capability views of {@link Document}.
 */
public interface RulePack {

    /**
     * Stable id of the pack, e.g. {@code pip}. Rule ids are {@code prefix/name}; a pack's rules
     * usually share its id as prefix, but a pack may use several (the CI pack's rules are
     * {@code gha/…}, {@code gitlab/…} and {@code ci/…}). Configuration switches rules off by id or by
     * prefix ({@code gha/*}).
     */
    String id();

    /** The pack's document parsers. */
    List<DocumentParser> parsers();

    /** The pack's script parsers, which derive documents from scripts of any pack. */
    default List<ScriptParser> scriptParsers() {
        return List.of();
    }

    /** The pack's rules. */
    List<Rule<?>> rules();
}

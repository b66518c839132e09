package dev.veritensor.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.core.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Core's TOML (tomlj, TOML 1.0), YAML (snakeyaml-engine, YAML 1.2 core schema) and JSON
 * (jackson-core) parsers, turning text into the neutral {@link Node} tree with exact locations.
 *
 * <p>The {@link Limits} apply here, in one place: nesting depth ({@link Limits#maxNestingDepth()},
 * the root collection being depth 1) for all three formats, YAML aliases of collections
 * ({@link Limits#maxYamlAliases()}) and the nodes aliases may expand to (no more than
 * {@link Limits#maxTextFileSize()}, so aliases never yield a tree larger than a file within the
 * size limit could spell out), and string and document length for YAML and JSON. A duplicate key
 * in YAML or JSON is reported to the warnings consumer as a {@code duplicate-key} warning and the
 * first value is kept; in TOML it is an error, as the TOML specification says.
 *
 * <p>Every failure, including any exception or stack overflow inside a parsing library, comes out
 * as a {@link DocumentParseException} with the best known position, and then no warning about
 * that text is reported. Instances are immutable and thread-safe when the warnings consumer is.
 */
public final class CoreFormats implements StructuredFormats {

    private final Limits limits;
    private final Consumer<Diagnostic> warnings;
    private final LoadSettings yamlSettings;
    private final JsonFactory jsonFactory;

    /**
     * @param limits   the limits to enforce
     * @param warnings receives warnings (duplicate keys) about texts that parsed
     */
    public CoreFormats(Limits limits, Consumer<Diagnostic> warnings) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.yamlSettings = YamlConverter.settings(limits);
        this.jsonFactory = JsonConverter.factory(limits);
    }

    @Override
    public MapNode toml(SourceText text) throws DocumentParseException {
        return parse(text, "TOML", (spans, found) -> new TomlConverter(spans, limits.maxNestingDepth()).convert());
    }

    /**
     * {@inheritDoc}
     *
     * <p>A block scalar's location starts on its indicator line: line {@code i} (0-based) of a
     * {@link dev.veritensor.api.tree.ScalarNode.Style#LITERAL} value is source line
     * {@code location().startLine() + 1 + i}. An alias yields the anchored node object itself.
     */
    @Override
    public List<Node> yaml(SourceText text) throws DocumentParseException {
        return parse(text, "YAML", (spans, found) -> new YamlConverter(spans, yamlSettings, limits, found).convert());
    }

    @Override
    public Node json(SourceText text) throws DocumentParseException {
        return parse(text, "JSON", (spans, found) -> new JsonConverter(spans, jsonFactory, limits, found).convert());
    }

    /** One parse of one text, reporting warnings to {@code found}. */
    private interface Conversion<T> {
        T run(TextSpans spans, Consumer<Diagnostic> found) throws DocumentParseException;
    }

    /** Runs a conversion; its warnings reach the consumer only when the whole text parsed. */
    private <T> T parse(SourceText text, String format, Conversion<T> conversion) throws DocumentParseException {
        List<Diagnostic> found = new ArrayList<>();
        T result;
        try {
            result = conversion.run(new TextSpans(text), found::add);
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocumentParseException("the " + format + " parser failed on this input: " + e,
                    Location.ofFile(text.path()), e);
        }
        found.forEach(warnings);
        return result;
    }
}

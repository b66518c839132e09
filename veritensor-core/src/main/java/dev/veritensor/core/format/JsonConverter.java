package dev.veritensor.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.core.Limits;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one strict JSON value (RFC 8259: no comments, no trailing commas, nothing after the value)
 * into the neutral tree with jackson-core's streaming parser, whose {@link StreamReadConstraints}
 * bound string and document length. Nesting depth is bounded twice: jackson's limit is one level
 * above {@link Limits#maxNestingDepth()} (its default would be far higher) so that the
 * {@link TreeAssembler} reports the excess first, at the opening bracket, in the same words as for
 * YAML and TOML. Strings are {@link ScalarNode.Style#DOUBLE_QUOTED},
 * numbers, booleans and {@code null} {@link ScalarNode.Style#PLAIN} with their source spelling.
 */
final class JsonConverter {

    private final TextSpans spans;
    private final JsonFactory factory;
    private final TreeAssembler tree;

    JsonConverter(TextSpans spans, JsonFactory factory, Limits limits, Consumer<Diagnostic> warnings) {
        this.spans = spans;
        this.factory = factory;
        this.tree = new TreeAssembler(spans, limits.maxNestingDepth(), Long.MAX_VALUE, false, warnings);
    }

    /** A parser factory whose constraints follow {@code limits}; thread-safe and reusable. */
    static JsonFactory factory(Limits limits) {
        int maxLength = (int) Math.min(Integer.MAX_VALUE, limits.maxTextFileSize());
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth((int) Math.min(Integer.MAX_VALUE, limits.maxNestingDepth() + 1L))
                        .maxStringLength(maxLength)
                        .maxNameLength(maxLength)
                        .maxDocumentLength(limits.maxTextFileSize())
                        .build())
                .build();
    }

    Node convert() throws DocumentParseException {
        try (JsonParser parser = factory.createParser(spans.content())) {
            try {
                return read(parser);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                // constraint messages name the jackson setting in back-quotes; the limit itself suffices
                String message = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
                throw new DocumentParseException("invalid JSON: " + message,
                        spans.pointAt((int) at.getCharOffset()), e);
            }
        } catch (IOException e) {
            throw new DocumentParseException("invalid JSON: " + e.getMessage(), Location.ofFile(spans.path()), e);
        }
    }

    private Node read(JsonParser parser) throws IOException, DocumentParseException {
        Optional<Node> root = Optional.empty();
        while (root.isEmpty()) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new DocumentParseException("invalid JSON: no value", spans.pointAt(spans.length()));
            }
            token(parser, token, (int) parser.currentTokenLocation().getCharOffset());
            root = tree.takeRoot();
        }
        if (parser.nextToken() != null) {
            throw new DocumentParseException("invalid JSON: unexpected content after the value",
                    spans.pointAt((int) parser.currentTokenLocation().getCharOffset()));
        }
        return root.get();
    }

    private void token(JsonParser parser, JsonToken token, int start) throws IOException, DocumentParseException {
        switch (token) {
            case START_OBJECT, START_ARRAY -> tree.start(token == JsonToken.START_OBJECT, true, start);
            case END_OBJECT, END_ARRAY -> tree.end(start + 1);
            case FIELD_NAME, VALUE_STRING -> {
                int end = spans.quotedEnd(start);
                tree.scalar(new ScalarNode(parser.getText(), ScalarNode.Type.STRING, ScalarNode.Style.DOUBLE_QUOTED,
                        spans.span(start, end)), start, end);
            }
            default -> {
                String spelling = parser.getText();
                ScalarNode.Type type = switch (token) {
                    case VALUE_NUMBER_INT -> ScalarNode.Type.INTEGER;
                    case VALUE_NUMBER_FLOAT -> ScalarNode.Type.FLOAT;
                    case VALUE_TRUE, VALUE_FALSE -> ScalarNode.Type.BOOLEAN;
                    default -> ScalarNode.Type.NULL; // VALUE_NULL: no other token comes from text
                };
                int end = start + spelling.length();
                tree.scalar(new ScalarNode(type == ScalarNode.Type.NULL ? "" : spelling, type, ScalarNode.Style.PLAIN,
                        spans.span(start, end)), start, end);
            }
        }
    }
}

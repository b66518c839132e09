package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.model.ContainerDocument;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.KerasConfigDocument;
import dev.veritensor.rules.artifacts.model.KerasReference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Legacy Keras HDF5 models ({@code .h5}): Keras stores the model configuration as a JSON text
 * attribute ({@code model_config}) of the root group. Veritensor does not parse HDF5; it looks for
 * JSON objects that start as Keras serializes them ({@code {"class_name": "…}) in the first
 * {@value #MAX_SCAN_MIB} MiB, cuts each out by balancing braces outside strings, and reads those
 * that parse as a Keras configuration.
 */
final class KerasH5 {

    static final int MAX_SCAN_MIB = 256;
    private static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] START = "{\"class_name\": \"".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_JSON = 16 << 20;
    private static final int MAX_CONFIGS = 8;

    private KerasH5() {
    }

    static boolean hasMagic(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static List<Document> read(Source source, ParseContext context) throws IOException {
        List<Document> out = new ArrayList<>();
        try (ByteInput in = new ByteInput(source.openStream())) {
            long limit = (long) MAX_SCAN_MIB << 20;
            int matched = 0;
            while (in.position() < limit && out.size() < MAX_CONFIGS) {
                int b = in.peek();
                if (b < 0) {
                    break;
                }
                in.readU8();
                matched = b == START[matched] ? matched + 1 : b == '{' ? 1 : 0;
                if (matched == START.length) {
                    matched = 0;
                    long at = in.position() - START.length;
                    byte[] json = cutObject(in);
                    if (json != null) {
                        config(source, context, json, at).ifPresent(out::add);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return List.of();
        }
        out.add(0, new ContainerDocument(source, ContainerFormat.KERAS_H5, List.of()));
        return out;
    }

    /** The rest of a JSON object whose first bytes were {@link #START}, or null when it does not close. */
    private static byte[] cutObject(ByteInput in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(START);
        int depth = 1;
        boolean inString = true;
        boolean escape = false;
        while (buf.size() < MAX_JSON) {
            int b = in.peek();
            if (b <= 0) {
                return null;
            }
            in.readU8();
            buf.write(b);
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return buf.toByteArray();
                }
            }
        }
        return null;
    }

    private static java.util.Optional<Document> config(Source source, ParseContext context, byte[] json, long at) {
        try {
            Node root = context.formats().json(SourceText.decode(source.path() + "!/model_config", json));
            if (!(root instanceof MapNode map) || map.get("config").isEmpty()) {
                return java.util.Optional.empty();
            }
            List<KerasReference> references = KerasConfig.references(root);
            return java.util.Optional.of(new KerasConfigDocument(source, "the configuration attribute at byte " + at,
                    references));
        } catch (DocumentParseException e) {
            return java.util.Optional.empty();
        }
    }
}

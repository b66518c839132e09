package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.artifacts.model.SafetensorsDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the header of a safetensors file — an unsigned 64-bit little-endian length, then that
 * many bytes of JSON mapping tensor names to dtype, shape and data offsets — into a
 * {@link SafetensorsDocument}. The tensor data is never read. Headers beyond what Veritensor reads
 * are reported as problems rather than read.
 */
final class SafetensorsReader {

    /** Largest header read and parsed, in bytes. */
    static final int MAX_READ_HEADER = 16 << 20;

    private SafetensorsReader() {
    }

    /**
     * Whether {@code head} starts like a safetensors file: a binary length (not eight printable
     * characters, as in a text file that happens to have a brace at byte 8) that fits in the file,
     * then a JSON object whose first key or end follows the brace. A file named {@code .safetensors}
     * only needs the brace at byte 8, so that a broken header of a file that claims the format is
     * still reported.
     */
    static boolean looksLikeSafetensors(byte[] head, long size, String name) {
        if (head.length < 9 || head[8] != '{') {
            return false;
        }
        long n = length(head); // negative when the top bit is set: no real header is that long
        if (n < 2) {
            return false;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
            return true;
        }
        boolean binaryLength = false;
        for (int i = 0; i < 8; i++) {
            binaryLength |= head[i] < 0x20 || head[i] > 0x7e;
        }
        if (!binaryLength || n > size - 8) {
            return false;
        }
        int i = 9;
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        return i == head.length || head[i] == '"' || head[i] == '}';
    }

    private static long length(byte[] head) {
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (head[i] & 0xff);
        }
        return n;
    }

    static SafetensorsDocument read(Source source, ParseContext context) throws IOException {
        long size = source.size();
        byte[] first = source.head(8);
        long n = first.length == 8 ? length(first) : -1;
        if (n < 0 || n > SafetensorsDocument.MAX_HEADER) {
            return problem(source, n, "the header length " + Long.toUnsignedString(n) + " exceeds the "
                    + SafetensorsDocument.MAX_HEADER + " bytes the safetensors library accepts");
        }
        if (8 + n > size) {
            return problem(source, n, "the header of " + n + " bytes runs past the end of the " + size + "-byte file");
        }
        if (n > MAX_READ_HEADER) {
            return problem(source, n, "the header of " + n + " bytes is larger than the " + MAX_READ_HEADER
                    + " bytes Veritensor reads; real headers are far smaller");
        }
        byte[] header;
        try (InputStream in = source.openStream()) {
            in.skipNBytes(8);
            header = in.readNBytes((int) n);
        }
        Node root;
        try {
            SourceText text = SourceText.decode(source.path() + "!/header.json", header);
            root = context.formats().json(text);
        } catch (DocumentParseException e) {
            return problem(source, n, "the header is not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof MapNode map)) {
            return problem(source, n, "the header is not a JSON object");
        }
        List<SafetensorsDocument.Tensor> tensors = new ArrayList<>();
        for (MapNode.Entry e : map.entries()) {
            if (e.name().equals("__metadata__")) {
                if (!(e.value() instanceof MapNode meta) || !meta.entries().stream()
                        .allMatch(m -> m.value() instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING)) {
                    return problem(source, n, "__metadata__ is not a map of strings to strings");
                }
                continue;
            }
            Optional<SafetensorsDocument.Tensor> t = tensor(e);
            if (t.isEmpty()) {
                return problem(source, n, "tensor '" + e.name() + "' lacks a string dtype, an integer shape"
                        + " or two integer data_offsets");
            }
            tensors.add(t.get());
        }
        return new SafetensorsDocument(source, n, size, Optional.empty(), tensors);
    }

    private static Optional<SafetensorsDocument.Tensor> tensor(MapNode.Entry e) {
        if (!(e.value() instanceof MapNode m)) {
            return Optional.empty();
        }
        Optional<String> dtype = m.scalar("dtype").filter(s -> s.type() == ScalarNode.Type.STRING).map(ScalarNode::value);
        Optional<List<Long>> shape = m.list("shape").flatMap(SafetensorsReader::integers);
        Optional<List<Long>> offsets = m.list("data_offsets").flatMap(SafetensorsReader::integers)
                .filter(l -> l.size() == 2);
        if (dtype.isEmpty() || shape.isEmpty() || offsets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SafetensorsDocument.Tensor(e.name(), dtype.get(), shape.get(),
                offsets.get().get(0), offsets.get().get(1)));
    }

    private static Optional<List<Long>> integers(ListNode list) {
        List<Long> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof ScalarNode s) || s.type() != ScalarNode.Type.INTEGER) {
                return Optional.empty();
            }
            try {
                long v = Long.parseLong(s.value());
                if (v < 0) {
                    return Optional.empty();
                }
                out.add(v);
            } catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static SafetensorsDocument problem(Source source, long n, String problem) {
        return new SafetensorsDocument(source, n, source.size(), Optional.of(problem), List.of());
    }
}

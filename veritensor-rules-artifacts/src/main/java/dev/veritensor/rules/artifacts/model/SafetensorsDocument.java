package dev.veritensor.rules.artifacts.model;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;

import java.util.List;
import java.util.Optional;

/**
 * The header of a safetensors file: its declared length and the tensor table it holds. Whether
 * the table is consistent is for rules to judge.
 *
 * @param source        the file
 * @param headerLength  the header length the first eight bytes declare
 * @param fileSize      size of the whole file
 * @param headerProblem why the header could not be read as a tensor table, if it could not
 * @param tensors       the tensor entries in header order
 */
public record SafetensorsDocument(Source source, long headerLength, long fileSize, Optional<String> headerProblem,
                                  List<Tensor> tensors) implements Document {

    /** Largest header the safetensors library accepts, in bytes. */
    public static final long MAX_HEADER = 100_000_000L;

    public SafetensorsDocument {
        tensors = List.copyOf(tensors);
    }

    /**
     * One tensor entry.
     *
     * @param name  tensor name
     * @param dtype dtype as written, e.g. {@code F32}
     * @param shape dimensions; empty for a scalar
     * @param begin start of its data, relative to the end of the header
     * @param end   end of its data (exclusive), relative to the end of the header
     */
    public record Tensor(String name, String dtype, List<Long> shape, long begin, long end) {
        public Tensor {
            shape = List.copyOf(shape);
        }
    }

    /** Bytes after the header. */
    public long dataLength() {
        return fileSize - 8 - headerLength;
    }

    @Override
    public String kind() {
        return "safetensors";
    }
}

package dev.veritensor.rules.artifacts.model;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;

import java.util.Optional;

/**
 * The header of one NumPy array ({@code .npy} file or {@code .npz} member).
 *
 * @param source       the file
 * @param member       the {@code .npz} member, when the array is one
 * @param descr        the dtype description as written, e.g. {@code <f8}, {@code |O} or a structured list
 * @param holdsObjects whether the dtype holds Python objects, so the data is a pickle
 * @param dataOffset   where the array data (or the pickle) starts
 */
public record NumpyArrayDocument(Source source, Optional<String> member, String descr, boolean holdsObjects,
                                 long dataOffset) implements Document {

    @Override
    public String kind() {
        return "npy";
    }
}

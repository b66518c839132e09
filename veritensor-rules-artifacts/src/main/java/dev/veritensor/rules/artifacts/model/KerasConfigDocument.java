package dev.veritensor.rules.artifacts.model;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;

import java.util.List;

/**
 * The model configuration of a Keras file ({@code config.json} of a {@code .keras} zip) reduced
 * to what makes Keras import or run code on load.
 *
 * @param source     the file
 * @param member     the member holding the configuration
 * @param references Lambda layers, function references and foreign modules, in document order
 */
public record KerasConfigDocument(Source source, String member, List<KerasReference> references) implements Document {

    public KerasConfigDocument {
        references = List.copyOf(references);
    }

    @Override
    public String kind() {
        return "keras-config";
    }
}

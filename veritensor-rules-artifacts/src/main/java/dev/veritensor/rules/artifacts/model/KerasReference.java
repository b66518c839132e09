package dev.veritensor.rules.artifacts.model;

import java.util.Optional;

/**
 * Something in a Keras model configuration that makes Keras import or run Python code when it
 * loads the model.
 *
 * @param kind      what sort of reference
 * @param layer     the name of the layer (or object) it sits in, when known
 * @param className the {@code class_name} of the object
 * @param module    the {@code module} the object is imported from, when given
 * @param function  the function named, for function references; the path read, for external models and files
 * @param path      the JSON path of the object, e.g. {@code $.config.layers[2]}
 */
public record KerasReference(Kind kind, Optional<String> layer, String className, Optional<String> module,
                             Optional<String> function, String path) {

    /** Kinds of references. */
    public enum Kind {
        /** A {@code Lambda} layer: marshalled Python bytecode or a function reference. */
        LAMBDA_LAYER,
        /** A serialized Python function ({@code class_name} {@code function} or {@code __lambda__}). */
        FUNCTION,
        /** An object imported from a module outside Keras. */
        FOREIGN_MODULE,
        /** A layer that loads another model, with its code, from a path ({@code TFSMLayer}). */
        EXTERNAL_MODEL,
        /** A lookup layer whose vocabulary is read from a file or URL named in the configuration. */
        EXTERNAL_FILE
    }
}

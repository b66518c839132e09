package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.KerasConfigDocument;
import dev.veritensor.rules.artifacts.model.KerasReference;
import dev.veritensor.rules.artifacts.pickle.GlobalRef;
import dev.veritensor.rules.artifacts.policy.GlobalPolicy;

import java.util.List;

/**
 * Reports Keras model configurations that run Python code on load: {@code Lambda} layers
 * (marshalled bytecode or function references), serialized functions from outside Keras (or Keras
 * functions used as classes), {@code TFSMLayer}s loading other models, lookup layers reading their
 * vocabulary from a path or URL, and objects imported from modules outside Keras. References to
 * known-dangerous callables are graded CRITICAL.
 */
public final class KerasLambdaRule implements Rule<KerasConfigDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/keras-lambda")
            .title("Keras model runs Python code when loaded")
            .severity(Severity.HIGH)
            .description("The model's config.json contains a Lambda layer, a serialized Python function or an object"
                    + " imported from a module outside Keras. Loading the model deserializes and runs that code;"
                    + " safe_mode has been bypassed repeatedly through such references, and through lookup layers"
                    + " whose vocabulary is a file path or URL that Keras reads while loading.")
            .remediation("Replace Lambda layers by registered custom layers whose code ships with your project, load"
                    + " with safe_mode=True on a patched Keras, and never load such models from untrusted sources.")
            .tags("security", "ml-artifact", "keras", "CWE-502", "CWE-94")
            .build();

    private final GlobalPolicy policy = GlobalPolicy.standard();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<KerasConfigDocument> documentType() {
        return KerasConfigDocument.class;
    }

    @Override
    public void check(KerasConfigDocument document, RuleContext context) {
        Location location = Location.ofFile(document.source().path());
        for (KerasReference r : document.references()) {
            String layer = r.layer().map(l -> " in layer '" + l + "'").orElse("");
            String target = r.module().map(m -> m + ".").orElse("") + r.function().orElse(r.className());
            String message = switch (r.kind()) {
                case LAMBDA_LAYER -> "Lambda layer" + r.layer().map(l -> " '" + l + "'").orElse("") + " runs "
                        + r.function().orElse("Python code") + " when the model loads";
                case FUNCTION -> "serialized function " + target + layer + " is resolved and run when the model loads";
                case FOREIGN_MODULE -> "object " + r.className() + layer + " is imported from module "
                        + r.module().orElse("?") + ", outside Keras";
                case EXTERNAL_MODEL -> r.className() + layer + " loads a TensorFlow SavedModel"
                        + r.function().map(f -> " from " + f).orElse("") + ", whose graph runs when the model loads";
                case EXTERNAL_FILE -> r.className() + layer + " reads its vocabulary from "
                        + r.function().orElse("a path") + " when the model loads";
            } + " (" + document.member() + " at " + r.path() + ")";
            boolean dangerous = r.kind() != KerasReference.Kind.EXTERNAL_MODEL
                    && r.kind() != KerasReference.Kind.EXTERNAL_FILE && r.module().isPresent()
                    && policy.judge(new GlobalRef(r.module().get(), r.function().orElse(r.className()))).level()
                    == GlobalPolicy.Level.DANGEROUS;
            if (dangerous) {
                context.report(Severity.CRITICAL, location, message, List.of());
            } else {
                context.report(location, message);
            }
        }
    }
}

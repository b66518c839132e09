package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Precision;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;
import dev.veritensor.rules.artifacts.policy.GlobalPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reports pickles that import globals outside the allow-list of exact {@code (module, name)}
 * pairs known to be safe in ML checkpoints (MEDIUM); pickles that import attributes reached
 * through another object, such as methods taken from a class ({@code pathlib.Path.touch}), which
 * run on whatever object the pickle passes them (HIGH); and pickles whose imports or calls cannot
 * be resolved statically — STACK_GLOBAL operands computed at load time, calls of values that are no
 * imported global, EXT codes resolved through copyreg's registry (HIGH).
 */
public final class PickleUnknownGlobalRule implements Rule<PickleDocument> {

    private static final int SHOWN = 8;

    private static final RuleInfo INFO = RuleInfo.builder("artifact/pickle-unknown-global")
            .title("Pickle imports globals outside the allow-list")
            .severity(Severity.MEDIUM)
            .description("The pickle imports classes or functions that are not on Veritensor's allow-list of"
                    + " exact (module, name) pairs known to be safe in ML checkpoints (tensor and array"
                    + " reconstruction, standard containers). Unpickling imports and may call them, so the file can"
                    + " run code from any installed library. Methods taken from a class (pathlib.Path.touch,"
                    + " str.join) run on whatever object the pickle hands them, the building block of published"
                    + " scanner bypasses, and imports named only at load time cannot be checked at all: both are"
                    + " graded HIGH.")
            .remediation("Check that every listed global is expected for this artifact. If they are, allow the exact"
                    + " pairs with the allowed-globals option; otherwise treat the file as untrusted. Prefer formats"
                    + " that hold no code (safetensors).")
            .tags("security", "ml-artifact", "pickle", "CWE-502")
            .precision(Precision.MEDIUM)
            .option(RuleOption.stringList("allowed-globals",
                    "Further globals to treat as safe, each as module:qualname (e.g. sklearn.pipeline:Pipeline)."))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<PickleDocument> documentType() {
        return PickleDocument.class;
    }

    @Override
    public void check(PickleDocument document, RuleContext context) {
        GlobalPolicy policy = GlobalPolicy.standard().withAllowed(context.options().stringList("allowed-globals"));
        Location location = Location.ofFile(document.source().path());
        List<String> unknown = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        for (PickleTrace.ImportedGlobal g : document.trace().globals()) {
            GlobalPolicy.Verdict verdict = policy.judge(g.ref());
            if (verdict.level() == GlobalPolicy.Level.UNKNOWN) {
                String item = verdict.normalized() + " (" + document.at(g.importedBy()) + (g.called() ? ", called" : "") + ")";
                (GlobalPolicy.isAttributeReference(g.ref()) ? attributes : unknown).add(item);
            }
        }
        if (!unknown.isEmpty()) {
            context.report(location, "imports " + unknown.size() + " global" + (unknown.size() == 1 ? "" : "s")
                    + " outside the allow-list: " + shown(unknown) + document.where());
        }
        if (!attributes.isEmpty()) {
            context.report(Severity.HIGH, location, "imports " + attributes.size() + " method"
                    + (attributes.size() == 1 ? "" : "s") + " taken from another object; each runs on whatever"
                    + " object the pickle passes it: " + shown(attributes) + document.where(), List.of());
        }
        List<String> unresolved = new ArrayList<>();
        PickleTrace t = document.trace();
        t.dynamicImports().forEach(s -> unresolved.add(document.at(s)));
        t.opaqueCalls().forEach(s -> unresolved.add(document.at(s)));
        t.extensions().forEach(s -> unresolved.add(document.at(s)));
        if (!unresolved.isEmpty()) {
            context.report(Severity.HIGH, location, "imports or calls targets named only at load time: "
                    + shown(unresolved) + document.where(), List.of());
        }
    }

    private static String shown(List<String> items) {
        String s = items.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return items.size() > SHOWN ? s + " and " + (items.size() - SHOWN) + " more" : s;
    }
}

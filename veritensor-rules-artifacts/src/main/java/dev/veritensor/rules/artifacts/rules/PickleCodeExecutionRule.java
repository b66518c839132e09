package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;
import dev.veritensor.rules.artifacts.policy.GlobalPolicy;

import java.util.stream.Collectors;

/**
 * Reports pickles that import or call a known-dangerous callable ({@code os.system},
 * {@code subprocess.*}, {@code builtins.eval}, {@code runpy}, {@code importlib}, …, and dunder
 * attribute walks), and pickles that modify a global itself (BUILD, APPEND or SETITEM applied to
 * an imported class, function or module), which rewrites library code while loading.
 */
public final class PickleCodeExecutionRule implements Rule<PickleDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/pickle-code-execution")
            .title("Pickle runs dangerous code when loaded")
            .severity(Severity.CRITICAL)
            .description("Unpickling imports every global the pickle names and calls what it reduces. This pickle"
                    + " imports or calls a callable that runs processes, evaluates code, imports modules, opens"
                    + " connections or files, or loads further pickles — or it modifies an imported global in place."
                    + " Loading it with pickle, torch.load(weights_only=False), joblib or numpy.load(allow_pickle=True)"
                    + " runs that code.")
            .remediation("Do not load the file. Obtain the artifact from its trusted origin and verify its hash;"
                    + " prefer safetensors or load PyTorch checkpoints with torch.load(weights_only=True).")
            .tags("security", "ml-artifact", "pickle", "CWE-502", "CWE-94")
            .build();

    private final GlobalPolicy policy = GlobalPolicy.standard();

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
        Location location = Location.ofFile(document.source().path());
        for (PickleTrace.ImportedGlobal g : document.trace().globals()) {
            GlobalPolicy.Verdict verdict = policy.judge(g.ref());
            if (verdict.level() == GlobalPolicy.Level.DANGEROUS) {
                context.report(location, verdict.normalized() + " (" + verdict.reason() + ") "
                        + usage(document, g) + document.where());
            } else if (g.mutated()) {
                String sites = g.uses().stream().filter(u -> !u.opcode().equals("REDUCE"))
                        .map(document::at).collect(Collectors.joining(", "));
                context.report(location, "the pickle modifies the global " + verdict.normalized() + " itself ("
                        + sites + "), rewriting library code while it loads" + document.where());
            }
        }
    }

    /** "imported by GLOBAL at byte 2 and called by REDUCE at byte 30". */
    static String usage(PickleDocument document, PickleTrace.ImportedGlobal g) {
        StringBuilder s = new StringBuilder("imported by ").append(document.at(g.importedBy()));
        if (!g.uses().isEmpty()) {
            s.append(g.called() ? " and used by " : " and modified by ")
                    .append(g.uses().stream().map(document::at).collect(Collectors.joining(", ")));
            if (g.useCount() > g.uses().size()) {
                s.append(" and ").append(g.useCount() - g.uses().size()).append(" more");
            }
        }
        return s.toString();
    }
}

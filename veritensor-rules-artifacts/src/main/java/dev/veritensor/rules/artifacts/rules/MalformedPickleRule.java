package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;

/**
 * Reports pickle streams that stop being valid pickles before their end, and streams that exceed
 * the analysis limits. Unpicklers execute opcodes as they read them, so everything before the
 * fault has run by the time the loader fails; scanners that give up on malformed input are a
 * known way to slip payloads past them, so the fault itself is worth a look.
 */
public final class MalformedPickleRule implements Rule<PickleDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/malformed-pickle")
            .title("Malformed pickle")
            .severity(Severity.MEDIUM)
            .description("The pickle stream is invalid from some opcode on (unknown opcode, stack underflow, missing"
                    + " memo entry, truncated argument, non-string STACK_GLOBAL operands), or it exceeds Veritensor's"
                    + " analysis limits. A loader runs every opcode before the fault, and crafted faults are a known"
                    + " way to make scanners stop before a payload.")
            .remediation("Re-create the artifact with the tool that made it; do not load a file that its own format"
                    + " rejects. Findings of other artifact rules in the same file show what runs before the fault.")
            .tags("security", "ml-artifact", "pickle", "CWE-502", "CWE-20")
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
        Location location = Location.ofFile(document.source().path());
        for (PickleTrace.Site m : document.trace().malformations()) {
            context.report(location, "the pickle is invalid at " + document.at(m) + document.where());
        }
        document.trace().limit().ifPresent(limit -> context.report(location,
                "the pickle exceeds an analysis limit: " + limit + document.where()));
    }
}

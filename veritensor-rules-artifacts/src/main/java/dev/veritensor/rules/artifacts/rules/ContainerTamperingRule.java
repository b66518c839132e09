package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerDocument;

/**
 * Reports structural discrepancies in model containers: zip central and local headers that
 * disagree, flag bits or CRCs that PyTorch ignores but other readers reject, bytes before, between
 * or after members, duplicate names, data after the last storage of a legacy checkpoint, and files
 * whose name promises a code-free format while their bytes are a pickle.
 */
public final class ContainerTamperingRule implements Rule<ContainerDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/container-tampering")
            .title("Model container has been tampered with")
            .severity(Severity.HIGH)
            .description("The container holds discrepancies that its writer never produces: headers that disagree,"
                    + " checksums that do not match, flag bits, bytes or duplicate entries that make the model loader"
                    + " and a scanner see different content, or a name that hides a pickle. Such files are crafted to"
                    + " pass checks while still loading.")
            .remediation("Treat the file as untrusted: obtain it again from its origin and compare hashes. Rewrite"
                    + " genuine files with the framework that created them.")
            .tags("security", "ml-artifact", "supply-chain", "CWE-502", "CWE-345")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<ContainerDocument> documentType() {
        return ContainerDocument.class;
    }

    @Override
    public void check(ContainerDocument document, RuleContext context) {
        Location location = Location.ofFile(document.source().path());
        for (ContainerAnomaly a : document.anomalies()) {
            context.report(location, document.format().id() + a.member().map(m -> " member " + m).orElse("")
                    + ": " + a.description() + " (byte " + a.offset() + ")");
        }
    }
}

package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.DirectReferences;
import dev.veritensor.rules.pip.requirements.RequirementLine;
import dev.veritensor.rules.pip.requirements.RequirementsDocument;

import java.util.List;

/**
 * {@code pip/missing-hash}: requirements installed without hash checking.
 *
 * <ul>
 *   <li>A file without any hash and without {@code --require-hashes} gets one finding, at its first
 *       requirement that a hash could cover (an index requirement or an archive); a file of editable
 *       lines, VCS URLs and directories only gets none, since no hash can cover those.</li>
 *   <li>A file in hash-checking mode ({@code --require-hashes}, or a hash on any line) gets one
 *       finding per requirement that pip will refuse: a line without a hash, and every {@code -e}
 *       line, VCS URL and local directory, which pip cannot hash-check at all.</li>
 * </ul>
 * Constraints files and pip-tools inputs are not checked: pip installs nothing from them; the
 * hashes belong in the requirements file that is installed (the compiled {@code .txt}). A hash in
 * a URL fragment ({@code #sha256=…}) counts like {@code --hash}, as it does for pip.
 */
public final class MissingHashRule implements Rule<RequirementsDocument> {

    static final RuleInfo INFO = RuleInfo.builder("pip/missing-hash")
            .title("Requirements installed without hash checking")
            .severity(Severity.MEDIUM)
            .description("Without --hash values pip accepts any file the index or a mirror serves for a pinned"
                    + " version: a tampered upload, a compromised mirror or a man in the middle goes unnoticed."
                    + " Once one requirement has a hash, pip checks hashes for all of them and refuses the whole"
                    + " install when a requirement has none, is editable, or comes from a VCS or a directory.")
            .remediation("Generate hashes for every requirement (pip-compile --generate-hashes, uv pip compile"
                    + " --generate-hashes, or pip hash for single files) and install with --require-hashes;"
                    + " install editable and VCS projects in a separate step.")
            .tags("security", "supply-chain", "integrity", "CWE-494", "CWE-353")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<RequirementsDocument> documentType() {
        return RequirementsDocument.class;
    }

    @Override
    public void check(RequirementsDocument document, RuleContext context) {
        if (document.role() != RequirementsDocument.Role.REQUIREMENTS) {
            return;
        }
        List<RequirementLine> lines = document.requirements();
        if (!document.hashCheckingMode()) {
            lines.stream().filter(MissingHashRule::hashable).findFirst().ifPresent(first -> context.report(
                    first.dependency().location(), "no requirement in this file has a --hash: pip installs the "
                            + count(lines) + " without checking what it downloads"));
            return;
        }
        for (RequirementLine line : lines) {
            Dependency d = line.dependency();
            String why = null;
            if (line.editable()) {
                why = "an editable requirement cannot be hash-checked; pip refuses -e lines in hash-checking mode";
            } else if (d.kind() == Dependency.Kind.VCS) {
                why = "a VCS requirement cannot be hash-checked; pip refuses it in hash-checking mode";
            } else if (d.kind() == Dependency.Kind.PATH && !isArchive(d)) {
                why = "a local directory cannot be hash-checked; pip refuses it in hash-checking mode";
            } else if (d.hashes().isEmpty()) {
                why = "'" + display(d) + "' has no --hash while this file is in hash-checking mode; pip refuses"
                        + " the whole install";
            }
            if (why != null) {
                context.report(d.location(), why);
            }
        }
    }

    private static boolean hashable(RequirementLine line) {
        Dependency d = line.dependency();
        return !line.editable() && (d.kind() == Dependency.Kind.REGISTRY || d.kind() == Dependency.Kind.URL
                || d.kind() == Dependency.Kind.PATH && isArchive(d));
    }

    private static boolean isArchive(Dependency d) {
        return d.url().map(DirectReferences::isArchive).orElse(false);
    }

    private static String count(List<RequirementLine> lines) {
        long n = lines.stream().filter(MissingHashRule::hashable).count();
        return n == 1 ? "requirement" : n + " requirements";
    }

    private static String display(Dependency d) {
        return d.name().isEmpty() ? Redaction.mask(d.url().orElse("")) : d.name() + d.specifier();
    }
}

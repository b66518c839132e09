package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Precision;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;

import java.util.List;

/**
 * {@code ci/hardcoded-credential}: a credential written into a CI file: a token with a recognisable
 * format (GitHub, GitLab, Hugging Face, PyPI, AWS, OpenAI, Slack, npm, a private key) anywhere in
 * a configured value or a script, a URL with a literal password, or a literal secret-looking value
 * configured under a secret's name ({@code *_PASSWORD}, {@code *_TOKEN}, {@code *_API_KEY}) in
 * {@code env:}, {@code with:}, {@code variables:}, {@code ENV} or {@code ARG}. In scripts only token
 * formats are looked for: index URLs with passwords in {@code pip install} lines are the pip
 * pack's to report. Messages name the kind of credential with a masked prefix, never the value.
 */
public final class HardcodedCredentialRule implements Rule<PipelineDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("ci/hardcoded-credential")
            .title("Credential written into a CI file")
            .severity(Severity.HIGH)
            .description("Tokens, passwords and keys committed to pipeline files are readable by everyone with "
                    + "read access to the repository, its forks and its history, and end up in build logs and "
                    + "image layers. Recognised: GitHub, GitLab, Hugging Face, PyPI, AWS, OpenAI, Slack and npm "
                    + "token formats, private keys, URLs with a password, and literal values of variables named "
                    + "like secrets.")
            .remediation("Revoke the credential now (it is in the history), then store its replacement in the CI "
                    + "system's secret store (`${{ secrets.NAME }}`, masked GitLab variables, BuildKit "
                    + "`--mount=type=secret`) and reference it from there.")
            .tags("secrets", "credentials", "CWE-798")
            .precision(Precision.MEDIUM)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<PipelineDocument> documentType() {
        return PipelineDocument.class;
    }

    @Override
    public void check(PipelineDocument document, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        for (ConfiguredValue v : document.configuredValues()) {
            List<CredentialShapes.Match> found = CredentialShapes.find(v.value());
            if (!found.isEmpty()) {
                CredentialShapes.Match m = found.get(0);
                sink.report(v.valueLocation(), "hard-coded " + m.kind() + " (" + m.masked() + ") in " + v.section()
                        + " `" + v.name() + "`; revoke it and use a secret");
            } else if (CredentialShapes.isSecretName(v.name()) && CredentialShapes.looksLikeSecret(v.value())) {
                sink.report(v.valueLocation(), v.section() + " `" + v.name() + "` is set to a literal secret; "
                        + "revoke it and use a secret");
            }
        }
        for (ParsedScript script : document.parsedScripts()) {
            for (Script.Line line : script.script().lines()) {
                for (CredentialShapes.Match m : CredentialShapes.tokens(line.text())) {
                    sink.report(line.locate(m.start(), m.end()), "hard-coded " + m.kind() + " (" + m.masked()
                            + ") in a `" + script.script().origin() + "` script; revoke it and use a secret");
                }
            }
        }
    }
}

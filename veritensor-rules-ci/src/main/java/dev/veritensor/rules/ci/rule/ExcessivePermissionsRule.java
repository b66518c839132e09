package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.Permissions;
import dev.veritensor.rules.ci.github.Trigger;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gha/excessive-permissions}: the workflow's {@code GITHUB_TOKEN} can do more than the
 * job needs. Reported: {@code permissions: write-all}; write scopes on a job that runs pull
 * request code in a privileged workflow; and jobs of a workflow that sets {@code permissions}
 * nowhere, which get the repository's default token permissions (read-write in repositories and
 * organisations created before February 2023). Workflows only called by other workflows inherit
 * the caller's token and are not reported for a missing block.
 */
public final class ExcessivePermissionsRule implements Rule<Workflow> {

    private static final Set<String> UNTRUSTED_TRIGGERS = Set.of("pull_request_target", "workflow_run",
            "issue_comment", "pull_request_review_comment", "pull_request_review");

    private static final RuleInfo INFO = RuleInfo.builder("gha/excessive-permissions")
            .title("Workflow token with more permissions than needed")
            .severity(Severity.MEDIUM)
            .description("Every job gets a `GITHUB_TOKEN`. With `permissions: write-all`, with write scopes on "
                    + "a job that runs untrusted code, or with no `permissions:` block at all (the repository "
                    + "default, read-write in older repositories and organisations), any compromised step, "
                    + "action or installed package can push code, create releases or tamper with packages.")
            .remediation("Declare `permissions: {}` or `contents: read` at the top of the workflow and grant "
                    + "each job only the scopes it uses (`id-token: write` for trusted publishing, "
                    + "`packages: write` for pushing images). Never grant write scopes to jobs that check out "
                    + "pull request code.")
            .tags("github-actions", "least-privilege", "CWE-250", "CWE-732")
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
        workflow.permissions().filter(Permissions::isWriteAll).ifPresent(p -> sink.report(p.location(),
                "`permissions: write-all` gives every job a token that can write to every scope"));
        for (Job job : workflow.jobs()) {
            job.permissions().filter(Permissions::isWriteAll).ifPresent(p -> sink.report(p.location(),
                    "job `" + job.id() + "` has `permissions: write-all`, a token that can write to every scope"));
        }
        untrustedJobs(workflow, sink);
        boolean anywhere = workflow.permissions().isPresent();
        boolean callOnly = !workflow.triggers().isEmpty()
                && workflow.triggers().stream().allMatch(t -> t.event().equals("workflow_call"));
        if (!anywhere && !callOnly) {
            for (Job job : workflow.jobs()) {
                if (job.permissions().isEmpty()) {
                    sink.report(job.idLocation(), "job `" + job.id() + "` runs with the repository's default "
                            + "token permissions (no `permissions:` in the workflow or the job), which may be "
                            + "read-write; declare the scopes it needs");
                }
            }
        }
    }

    /** Write scopes on jobs that fetch pull request code in workflows outsiders can trigger. */
    private static void untrustedJobs(Workflow workflow, FindingSink sink) {
        boolean untrusted = workflow.triggers().stream().map(Trigger::event).anyMatch(UNTRUSTED_TRIGGERS::contains);
        if (!untrusted) {
            return;
        }
        Set<Job> jobs = new LinkedHashSet<>();
        PullRequestCheckouts.find(workflow).forEach(c -> jobs.add(c.job()));
        for (Job job : jobs) {
            Optional<Permissions> effective = job.permissions().or(workflow::permissions);
            if (effective.isEmpty() || effective.get().isWriteAll()) {
                continue;
            }
            List<Permissions.Scope> writes = effective.get().writeScopes();
            for (Permissions.Scope s : writes) {
                sink.report(s.location(), "job `" + job.id() + "` runs pull request code with `" + s.name()
                        + ": write`; untrusted code can use the token to write");
            }
        }
    }
}

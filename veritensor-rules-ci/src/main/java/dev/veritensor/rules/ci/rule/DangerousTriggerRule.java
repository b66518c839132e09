package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.Trigger;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.List;

/**
 * {@code gha/dangerous-trigger}: {@code pull_request_target}, {@code workflow_run} and
 * {@code issue_comment} run in the base repository's context, with its secrets and a token that
 * can write, even when a fork's pull request (or a comment on it) triggers them. Checking out and
 * building the pull request's code there (a "pwn request"; by comment, {@code gh pr checkout},
 * {@code refs/pull/${{ github.event.issue.number }}/head} or a head SHA looked up by an earlier
 * step) hands both to the fork's author: CRITICAL, reported where the code is fetched. The
 * {@code pull_request_target} and {@code workflow_run} triggers alone are reported LOW at the
 * trigger, so reviewers keep such workflows in view; {@code issue_comment} alone is not reported,
 * since most such workflows are bots that only read the comment.
 */
public final class DangerousTriggerRule implements Rule<Workflow> {

    private static final List<String> PRIVILEGED = List.of("pull_request_target", "workflow_run", "issue_comment");
    private static final List<String> REVIEWED = List.of("pull_request_target", "workflow_run");

    private static final RuleInfo INFO = RuleInfo.builder("gha/dangerous-trigger")
            .title("Privileged trigger running pull request code")
            .severity(Severity.CRITICAL)
            .description("Workflows triggered by `pull_request_target`, `workflow_run` or `issue_comment` run "
                    + "with the base repository's secrets and a write-capable token even when a fork's pull "
                    + "request, or a comment on it, triggers them. When such a workflow checks out the pull "
                    + "request's head (`ref: ${{ github.event.pull_request.head.sha }}`, `refs/pull/…`, "
                    + "`gh pr checkout`; for `issue_comment` also a ref computed by an earlier step, such as "
                    + "the head SHA looked up through the API) and then builds, tests or installs it, the "
                    + "fork's code runs with those privileges. Without such a checkout `pull_request_target` "
                    + "and `workflow_run` are reported LOW as workflows that need careful review; "
                    + "`issue_comment` alone is not reported.")
            .remediation("Use `pull_request` for building and testing contributions. If a privileged step is "
                    + "needed (labelling, commenting), split it into a `workflow_run` workflow that never "
                    + "checks out or executes the pull request's code and treats its artifacts as data.")
            .tags("github-actions", "CWE-829", "CWE-269")
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
        List<Trigger> privileged = workflow.triggers().stream().filter(t -> PRIVILEGED.contains(t.event())).toList();
        if (privileged.isEmpty()) {
            return;
        }
        String events = String.join("/", privileged.stream().map(Trigger::event).toList());
        FindingSink sink = new FindingSink(context);
        List<PullRequestCheckouts.Checkout> checkouts = PullRequestCheckouts.find(workflow);
        for (PullRequestCheckouts.Checkout c : checkouts) {
            sink.report(c.location(), "job `" + c.job().id() + "` fetches the triggering pull request's code ("
                    + c.evidence() + ") in a workflow triggered by `" + events + "`, which runs with the base "
                    + "repository's secrets and write token: a fork's code runs with them");
        }
        if (checkouts.isEmpty()) {
            for (Trigger t : privileged.stream().filter(t -> REVIEWED.contains(t.event())).toList()) {
                sink.report(Severity.LOW, t.location(), "`" + t.event() + "` runs with the base repository's "
                        + "secrets and write token even for forks; make sure no step ever runs the pull "
                        + "request's code", List.of());
            }
        }
    }
}

package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.Trigger;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.List;

/**
 * {@code gha/dangerous-trigger}: {@code pull_request_target} and {@code workflow_run} run in the
 * base repository's context, with its secrets and a token that can write, even for pull requests
 * from forks. Checking out and building the pull request's code there (a "pwn request") hands
 * both to the fork's author: CRITICAL, reported where the code is fetched. The trigger alone is
 * reported LOW at the trigger, so reviewers keep such workflows in view.
 */
public final class DangerousTriggerRule implements Rule<Workflow> {

    private static final List<String> PRIVILEGED = List.of("pull_request_target", "workflow_run");

    private static final RuleInfo INFO = RuleInfo.builder("gha/dangerous-trigger")
            .title("Privileged trigger running pull request code")
            .severity(Severity.CRITICAL)
            .description("Workflows triggered by `pull_request_target` or `workflow_run` run with the base "
                    + "repository's secrets and a write-capable token even when a fork triggers them. When "
                    + "such a workflow checks out the pull request's head (`ref: ${{ github.event.pull_request"
                    + ".head.sha }}`, `refs/pull/…`, `gh pr checkout`) and then builds, tests or installs it, "
                    + "the fork's code runs with those privileges. Without such a checkout the trigger is "
                    + "reported LOW as a workflow that needs careful review.")
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
                    + c.evidence() + ") in a `" + events + "` workflow, which runs with the base repository's "
                    + "secrets and write token: a fork's code runs with them");
        }
        if (checkouts.isEmpty()) {
            for (Trigger t : privileged) {
                sink.report(Severity.LOW, t.location(), "`" + t.event() + "` runs with the base repository's "
                        + "secrets and write token even for forks; make sure no step ever runs the pull "
                        + "request's code", List.of());
            }
        }
    }
}

package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.RunsOn;
import dev.veritensor.rules.ci.github.Trigger;
import dev.veritensor.rules.ci.github.Value;
import dev.veritensor.rules.ci.github.Workflow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code gha/self-hosted-runner}: a job of a workflow that outsiders can trigger (pull requests,
 * comments, {@code workflow_run}) runs on a runner that is not GitHub-hosted: the label
 * {@code self-hosted}, a custom label such as {@code gpu-a100}, or a runner {@code group:}. Unlike
 * GitHub's ephemeral virtual machines, such runners usually persist between jobs and sit inside
 * the organisation's network, so a contributor's code can plant a backdoor for later jobs or reach
 * internal systems. Labels taken from the job's matrix are checked value by value.
 */
public final class SelfHostedRunnerRule implements Rule<Workflow> {

    private static final Set<String> UNTRUSTED_TRIGGERS = Set.of("pull_request", "pull_request_target",
            "pull_request_review", "pull_request_review_comment", "issue_comment", "workflow_run");
    private static final Pattern GITHUB_HOSTED =
            Pattern.compile("(ubuntu|windows|macos)-(latest|[0-9][0-9.]*)(-[a-z0-9-]+)?");

    private static final RuleInfo INFO = RuleInfo.builder("gha/self-hosted-runner")
            .title("Self-hosted runner reachable from pull requests")
            .severity(Severity.MEDIUM)
            .description("Jobs triggered by pull requests, comments or `workflow_run` run code that outsiders "
                    + "influence. On self-hosted runners (the `self-hosted` label, custom labels such as GPU "
                    + "machines, runner groups) that code runs on persistent machines inside your network, "
                    + "where it can persist between jobs, steal credentials of later jobs and reach internal "
                    + "services.")
            .remediation("Run jobs that outsiders can trigger on GitHub-hosted runners; keep self-hosted (GPU) "
                    + "runners for `push`, `schedule` and `workflow_dispatch` on protected branches, or use "
                    + "ephemeral, isolated runners that are destroyed after each job.")
            .tags("github-actions", "runner", "CWE-668", "CWE-829")
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
        List<String> triggers = workflow.triggers().stream().map(Trigger::event)
                .filter(UNTRUSTED_TRIGGERS::contains).toList();
        if (triggers.isEmpty()) {
            return;
        }
        String by = String.join("/", triggers);
        FindingSink sink = new FindingSink(context);
        for (Job job : workflow.jobs()) {
            if (job.runsOn().isEmpty()) {
                continue;
            }
            RunsOn runsOn = job.runsOn().get();
            runsOn.group().filter(Value::isLiteral).ifPresent(g -> sink.report(g.location(), "job `" + job.id()
                    + "` runs in runner group `" + g.text() + "` and is triggered by `" + by
                    + "`: outsiders' code runs on your own runners"));
            if (runsOn.group().isPresent()) {
                continue;
            }
            runsOn.labels().stream().filter(l -> l.isLiteral() && !isGitHubHosted(l.text())).findFirst()
                    .ifPresent(l -> report(job, l, by, sink));
            runsOn.matrixLabels().stream().filter(l -> l.isLiteral() && !isGitHubHosted(l.text()))
                    .forEach(l -> report(job, l, by, sink));
        }
    }

    private static void report(Job job, Value label, String by, FindingSink sink) {
        sink.report(label.location(), "job `" + job.id() + "` runs on `" + label.text() + "`, not a "
                + "GitHub-hosted runner, and is triggered by `" + by + "`: outsiders' code runs on your own "
                + "machines");
    }

    private static boolean isGitHubHosted(String label) {
        return GITHUB_HOSTED.matcher(label.strip().toLowerCase(Locale.ROOT)).matches();
    }
}

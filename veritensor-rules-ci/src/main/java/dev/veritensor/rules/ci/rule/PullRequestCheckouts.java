package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Location;
import dev.veritensor.rules.ci.expression.ContextPath;
import dev.veritensor.rules.ci.expression.Placeholder;
import dev.veritensor.rules.ci.expression.ValueFlow;
import dev.veritensor.rules.ci.github.Expression;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.NamedValue;
import dev.veritensor.rules.ci.github.RunScript;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Workflow;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds where a workflow fetches the code of the pull request (or of the run) that triggered it:
 * {@code actions/checkout} with a {@code ref:} or {@code repository:} taken from the pull
 * request's head, {@code refs/pull/…} refs, {@code gh pr checkout}, and {@code git} commands
 * given the head's SHA or branch. In {@code issue_comment} workflows, where the event carries no
 * pull request head, a checkout {@code ref:} or {@code repository:} computed by an earlier step
 * or job ({@code steps.*.outputs.*}, {@code needs.*.outputs.*}, typically the head SHA looked up
 * through the API) counts as well. In workflows that run with the base repository's privileges
 * this is how a fork's code comes to run with them.
 */
final class PullRequestCheckouts {

    /**
     * A fetch of pull request code.
     *
     * @param job      the job that does it
     * @param location where
     * @param evidence what shows it, for messages (e.g. {@code github.event.pull_request.head.sha})
     */
    record Checkout(Job job, Location location, String evidence) {
    }

    private static final List<ContextPath> HEAD = Stream.of(
            "github.event.pull_request.head.sha",
            "github.event.pull_request.head.ref",
            "github.event.pull_request.head.repo.full_name",
            "github.event.pull_request.merge_commit_sha",
            "github.head_ref",
            "github.event.workflow_run.head_sha",
            "github.event.workflow_run.head_branch",
            "github.event.workflow_run.head_commit.id",
            "github.event.workflow_run.head_repository.full_name",
            "github.event.workflow_run.pull_requests.*.head.sha",
            "github.event.workflow_run.pull_requests.*.head.ref")
            .map(ContextPath::of).toList();
    private static final Set<String> GIT_FETCHING = Set.of("fetch", "checkout", "switch", "pull", "reset", "worktree",
            "clone");

    private PullRequestCheckouts() {
    }

    private static final List<ContextPath> COMPUTED = Stream.of("steps.*.outputs", "needs.*.outputs")
            .map(ContextPath::of).toList();

    /** Every fetch of pull request code in the workflow, in source order. */
    static List<Checkout> find(Workflow workflow) {
        boolean commentTriggered = workflow.triggers().stream().anyMatch(t -> t.event().equals("issue_comment"));
        List<Checkout> out = new ArrayList<>();
        for (Job job : workflow.jobs()) {
            for (Step step : job.steps()) {
                if (step.uses("actions/checkout")) {
                    checkoutInputs(job, step, commentTriggered, out);
                }
                step.run().flatMap(RunScript::script).ifPresent(s -> scriptFetches(job, s, out));
            }
        }
        return out;
    }

    private static void checkoutInputs(Job job, Step step, boolean commentTriggered, List<Checkout> out) {
        for (String input : List.of("ref", "repository")) {
            Optional<NamedValue> value = step.input(input);
            if (value.isEmpty()) {
                continue;
            }
            for (Expression e : value.get().value().expressions()) {
                Optional<ContextPath> found = head(e).or(() -> commentTriggered ? computed(e) : Optional.empty());
                found.ifPresent(p -> out.add(new Checkout(job, e.location(), p.toString())));
            }
            if (value.get().value().text().contains("refs/pull/")) {
                out.add(new Checkout(job, value.get().value().location(), "refs/pull/…"));
            }
        }
    }

    private static void scriptFetches(Job job, ParsedScript script, List<Checkout> out) {
        for (SimpleCommand c : script.shell().allCommands()) {
            Optional<Invocation> inv = Invocation.of(c);
            if (inv.isEmpty()) {
                continue;
            }
            Invocation i = inv.get();
            Location at = script.locate(i.command().start(), i.command().end());
            if (i.tool().equals("gh") && i.startsWith("pr", "checkout")) {
                out.add(new Checkout(job, at, "gh pr checkout"));
                continue;
            }
            if (!i.tool().equals("git") || i.arguments().stream().noneMatch(w -> GIT_FETCHING.contains(w.text()))) {
                continue;
            }
            for (Word w : i.arguments()) {
                Optional<String> evidence = headInWord(w);
                if (evidence.isPresent()) {
                    out.add(new Checkout(job, at, evidence.get()));
                    break;
                }
            }
        }
    }

    private static Optional<String> headInWord(Word w) {
        String t = w.text();
        if (t.contains("refs/pull/") || (t.contains("pull/") && (t.contains("/head") || t.contains("/merge")))) {
            return Optional.of("refs/pull/…");
        }
        if (t.contains("$GITHUB_HEAD_REF") || t.contains("${GITHUB_HEAD_REF}")) {
            return Optional.of("GITHUB_HEAD_REF");
        }
        for (Placeholder p : Placeholder.scan(t)) {
            if (p.expression().isPresent()) {
                for (ValueFlow.Source s : ValueFlow.sources(p.expression().get())) {
                    Optional<ContextPath> hit = HEAD.stream().filter(h -> s.path().reaches(h)).findFirst();
                    if (hit.isPresent()) {
                        return Optional.of(hit.get().toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The output of an earlier step or job the expression yields, if any. */
    private static Optional<ContextPath> computed(Expression e) {
        for (ValueFlow.Source s : e.valueSources()) {
            if (COMPUTED.stream().anyMatch(c -> s.path().reaches(c))) {
                return Optional.of(s.path());
            }
        }
        return Optional.empty();
    }

    /** The pull request head value the expression yields, if any. */
    static Optional<ContextPath> head(Expression e) {
        for (ValueFlow.Source s : e.valueSources()) {
            for (ContextPath h : HEAD) {
                if (s.path().reaches(h)) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }
}

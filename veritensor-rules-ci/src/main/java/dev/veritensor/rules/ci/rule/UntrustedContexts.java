package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.expression.ContextPath;
import dev.veritensor.rules.ci.expression.ValueFlow;
import dev.veritensor.rules.ci.github.Expression;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GitHub context values that whoever opens an issue, pull request, comment, review or discussion,
 * or pushes a branch, can set to any text: titles, bodies, branch names, commit messages and
 * author names and e-mails. Values an outsider cannot choose freely (numbers, SHAs, logins,
 * repository names) are not listed.
 */
final class UntrustedContexts {

    private static final List<ContextPath> PATHS = Stream.of(
            "github.event.issue.title",
            "github.event.issue.body",
            "github.event.pull_request.title",
            "github.event.pull_request.body",
            "github.event.pull_request.head.ref",
            "github.event.pull_request.head.label",
            "github.event.pull_request.head.repo.default_branch",
            "github.event.pull_request.head.repo.description",
            "github.event.comment.body",
            "github.event.review.body",
            "github.event.review_comment.body",
            "github.event.discussion.title",
            "github.event.discussion.body",
            "github.event.pages.*.page_name",
            "github.event.commits.*.message",
            "github.event.commits.*.author.email",
            "github.event.commits.*.author.name",
            "github.event.commits.*.committer.email",
            "github.event.commits.*.committer.name",
            "github.event.head_commit.message",
            "github.event.head_commit.author.email",
            "github.event.head_commit.author.name",
            "github.event.head_commit.committer.email",
            "github.event.head_commit.committer.name",
            "github.event.workflow_run.head_branch",
            "github.event.workflow_run.display_title",
            "github.event.workflow_run.head_commit.message",
            "github.event.workflow_run.head_commit.author.email",
            "github.event.workflow_run.head_commit.author.name",
            "github.event.workflow_run.pull_requests.*.head.ref",
            "github.head_ref")
            .map(ContextPath::of).toList();

    private UntrustedContexts() {
    }

    /**
     * The first attacker-controllable value the expression's result can carry, directly or as
     * part of a serialized object ({@code toJSON(github.event)}).
     */
    static Optional<ContextPath> yieldedBy(Expression expression) {
        for (ValueFlow.Source s : expression.valueSources()) {
            Optional<ContextPath> hit = match(s);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** The untrusted value {@code source} carries, if any. */
    static Optional<ContextPath> match(ValueFlow.Source source) {
        for (ContextPath p : PATHS) {
            if (source.path().reaches(p) || (source.serialized() && source.path().contains(p))) {
                return Optional.of(source.path());
            }
        }
        return Optional.empty();
    }
}

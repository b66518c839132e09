package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.Severity;
import dev.veritensor.api.TextEdit;
import dev.veritensor.rules.ci.github.ActionMetadata;
import dev.veritensor.rules.ci.github.ActionRef;
import dev.veritensor.rules.ci.github.GitHubActionsFile;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Workflow;
import dev.veritensor.rules.ci.model.ImageReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code gha/unpinned-action}: a {@code uses:} that is not pinned to a full commit SHA. Whoever
 * controls the action's repository (or steals its maintainer's token) can move a branch or tag to
 * new code, which then runs in this workflow with its secrets. A branch or a missing ref is HIGH,
 * a tag or an abbreviated SHA MEDIUM; {@code docker://} images need a digest. Local actions
 * ({@code ./…}) are part of the repository and exempt. The fix replaces the ref by the commit SHA
 * it resolves to (looked up by the user; Veritensor works offline) and keeps the ref as a comment.
 */
public final class UnpinnedActionRule implements Rule<GitHubActionsFile> {

    /** Option: owners whose actions may be referenced by tag. */
    public static final String ALLOWED_TAG_OWNERS = "allowed-tag-owners";

    private static final Pattern VERSION = Pattern.compile("v?[0-9]+(\\.[0-9]+)*([-+.][0-9A-Za-z.-]+)?");
    private static final Pattern SHORT_SHA = Pattern.compile("[0-9a-f]{7,39}");

    private static final RuleInfo INFO = RuleInfo.builder("gha/unpinned-action")
            .title("Action not pinned to a commit SHA")
            .severity(Severity.HIGH)
            .description("A `uses:` reference to a branch, tag or nothing at all follows whatever that ref "
                    + "points to when the workflow runs. Tags and branches can be moved, so a compromised "
                    + "action repository or maintainer account silently changes the code that runs with this "
                    + "workflow's secrets and token (as in the tj-actions/changed-files compromise). Branches "
                    + "and missing refs are HIGH, tags MEDIUM; `docker://` images need an `@sha256:` digest.")
            .remediation("Pin every third-party action to the full 40-character commit SHA of the release you "
                    + "reviewed and keep the tag as a comment (`uses: actions/checkout@<sha> # v4.2.2`); let "
                    + "Dependabot or Renovate update the pins. Pin Docker actions to an image digest.")
            .tags("supply-chain", "github-actions", "CWE-829", "CWE-494")
            .option(RuleOption.stringList(ALLOWED_TAG_OWNERS,
                    "Owners (e.g. `actions`, `github`) whose actions may be referenced by tag."))
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
        List<String> allowed = context.options().stringList(ALLOWED_TAG_OWNERS).stream()
                .map(o -> o.toLowerCase(Locale.ROOT)).toList();
        List<ActionRef> refs = new ArrayList<>();
        if (file instanceof Workflow w) {
            for (Job job : w.jobs()) {
                job.uses().ifPresent(refs::add);
                job.steps().forEach(s -> s.uses().ifPresent(refs::add));
            }
        } else if (file instanceof ActionMetadata a) {
            a.steps().stream().map(Step::uses).forEach(u -> u.ifPresent(refs::add));
            a.image().ifPresent(refs::add);
        }
        for (ActionRef ref : refs) {
            switch (ref.kind()) {
                case DOCKER -> docker(ref, sink);
                case REPOSITORY -> repository(ref, allowed, sink);
                case LOCAL -> {
                    // part of this repository, reviewed with it
                }
            }
        }
    }

    private static void docker(ActionRef ref, FindingSink sink) {
        ImageReference image = new ImageReference(ref.path(), "uses", ref.location());
        if (image.digest().isPresent() || image.hasVariables()) {
            return;
        }
        boolean latest = image.tag().map("latest"::equals).orElse(true);
        sink.report(latest ? Severity.HIGH : Severity.MEDIUM, ref.location(),
                "`" + ref.text() + "` runs a Docker image by " + (latest ? "its latest tag" : "tag")
                        + ", not by digest; pin it with `@sha256:…`", List.of());
    }

    private static void repository(ActionRef ref, List<String> allowed, FindingSink sink) {
        if (ref.isPinnedToCommit() || ref.text().contains("${{")) {
            return;
        }
        String action = ref.action();
        if (ref.ref().isEmpty() || ref.ref().get().isEmpty()) {
            sink.report(Severity.HIGH, ref.location(), "`" + ref.text() + "` names no ref: it runs whatever the "
                    + "default branch holds; pin it to a full commit SHA", List.of());
            return;
        }
        String r = ref.ref().get();
        if (VERSION.matcher(r).matches()) {
            if (allowed.contains(ref.owner().toLowerCase(Locale.ROOT))) {
                return;
            }
            sink.report(Severity.MEDIUM, ref.location(), "`" + action + "` is pinned to tag `" + r
                    + "`, which can be moved to other code; pin it to the tag's full commit SHA", fixes(ref, r));
        } else if (SHORT_SHA.matcher(r).matches()) {
            sink.report(Severity.MEDIUM, ref.location(), "`" + action + "` is pinned to the abbreviated SHA `" + r
                    + "`; use the full 40-character commit SHA", fixes(ref, r));
        } else {
            sink.report(Severity.HIGH, ref.location(), "`" + action + "` follows branch `" + r
                    + "`: every push to it runs here; pin it to a full commit SHA", fixes(ref, r));
        }
    }

    /** Replaces the ref by a placeholder for the commit SHA and keeps the ref as a trailing comment. */
    private static List<Fix> fixes(ActionRef ref, String r) {
        if (ref.refLocation().isEmpty() || ref.refLocation().get().equals(ref.location())) {
            return List.of();
        }
        Location refAt = ref.refLocation().get();
        if (refAt.startLine() != refAt.endLine()) {
            return List.of();
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(refAt, "<commit-sha-of-" + r + ">"));
        if (ref.trailingComment().isEmpty()) {
            edits.add(new TextEdit(ref.insertAfter(), " # " + r));
        }
        String repo = ref.owner() + "/" + ref.repository();
        return List.of(new Fix("Pin " + ref.action() + " to the commit `" + r + "` points to (find it with `git "
                + "ls-remote https://github.com/" + repo + " " + r + "`) and keep `" + r + "` as a comment", edits));
    }
}

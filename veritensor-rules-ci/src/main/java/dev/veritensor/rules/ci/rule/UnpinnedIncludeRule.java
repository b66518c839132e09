package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.gitlab.GitLabInclude;
import dev.veritensor.rules.ci.gitlab.GitLabPipeline;

import java.util.regex.Pattern;

/**
 * {@code gitlab/unpinned-include}: configuration included from outside the repository without an
 * immutable reference. {@code include: remote:} fetches a URL at pipeline creation; it is fixed
 * only by an {@code integrity:} hash or a commit SHA in the URL. {@code include: project:} without
 * {@code ref:} follows the project's default branch, and a branch or tag ref can be moved; only a
 * commit SHA is immutable. CI/CD components referenced by {@code ~latest}, by a branch or without
 * a version are reported too; released component versions are not.
 */
public final class UnpinnedIncludeRule implements Rule<GitLabPipeline> {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern SHA_IN_URL = Pattern.compile("(^|[/=@])[0-9a-f]{40}([/?#&]|$)");
    private static final Pattern RELEASE = Pattern.compile("v?[0-9]+(\\.[0-9]+)*([-+.][0-9A-Za-z.-]+)?");

    private static final RuleInfo INFO = RuleInfo.builder("gitlab/unpinned-include")
            .title("GitLab include without an immutable ref")
            .severity(Severity.MEDIUM)
            .description("Included configuration becomes part of the pipeline, with its variables and "
                    + "credentials. A remote URL, or another project's file at a branch, a tag or its default "
                    + "branch, can change at any time: whoever can change it (or its hosting) changes what "
                    + "this project's pipelines run.")
            .remediation("Pin `include: project:` with `ref:` set to a full commit SHA, give `include: remote:` an "
                    + "`integrity: sha256-…` hash (or vendor the file into the repository and use `local:`), and "
                    + "reference CI/CD components by a released version or commit SHA.")
            .tags("gitlab", "supply-chain", "CWE-829", "CWE-494")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<GitLabPipeline> documentType() {
        return GitLabPipeline.class;
    }

    @Override
    public void check(GitLabPipeline pipeline, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        for (GitLabInclude include : pipeline.includes()) {
            switch (include.kind()) {
                case REMOTE -> {
                    if (include.integrity().isEmpty() && !SHA_IN_URL.matcher(include.target()).find()) {
                        sink.report(include.location(), "remote include `" + include.target() + "` has no "
                                + "`integrity:` hash and no commit in its URL: its content can change under you");
                    }
                }
                case PROJECT -> {
                    if (include.ref().isEmpty()) {
                        sink.report(include.location(), "include from project `" + include.target() + "` has no "
                                + "`ref:` and follows its default branch; pin a commit SHA");
                    } else if (!SHA.matcher(include.ref().get()).matches()) {
                        sink.report(include.location(), "include from project `" + include.target() + "` uses ref `"
                                + include.ref().get() + "`, which can be moved; pin a commit SHA");
                    }
                }
                case COMPONENT -> {
                    String ref = include.ref().orElse("");
                    if (!SHA.matcher(ref).matches() && !RELEASE.matcher(ref).matches()) {
                        sink.report(include.location(), "component `" + include.target() + "` is referenced "
                                + (ref.isEmpty() ? "without a version" : "by `" + ref + "`")
                                + "; pin a released version or a commit SHA");
                    }
                }
                case LOCAL, TEMPLATE -> {
                    // part of this repository, or shipped with GitLab itself
                }
            }
        }
    }
}

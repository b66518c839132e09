package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.ActionMetadata;
import dev.veritensor.rules.ci.github.ActionRef;
import dev.veritensor.rules.ci.github.GitHubActionsFile;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.NamedValue;
import dev.veritensor.rules.ci.github.RunScript;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Workflow;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.shell.SimpleCommand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gha/persist-credentials}: {@code actions/checkout} stores the job's token in
 * {@code .git/config} unless {@code persist-credentials: false}. Reported when a later step of the
 * same job could take it from there: an artifact upload of the whole workspace with hidden files
 * (older {@code upload-artifact} versions, or {@code include-hidden-files: true}), a third-party
 * action (owner other than {@code actions} and {@code github}), or a package installation, which
 * runs the packages' own install code.
 */
public final class PersistCredentialsRule implements Rule<GitHubActionsFile> {

    private static final Set<String> FIRST_PARTY_OWNERS = Set.of("actions", "github");
    private static final Set<String> WORKSPACE_PATHS = Set.of(".", "./", "*", "**", "./*", "./**",
            "${{ github.workspace }}", "${{ github.workspace }}/", "${{github.workspace}}");
    private static final Pattern MAJOR_MINOR = Pattern.compile("v?([0-9]{1,6})(?:\\.([0-9]{1,6}))?(?:[.-].*)?");

    private static final RuleInfo INFO = RuleInfo.builder("gha/persist-credentials")
            .title("Checkout token left on disk for later steps")
            .severity(Severity.MEDIUM)
            .description("`actions/checkout` writes the job's `GITHUB_TOKEN` (or the given token) into "
                    + "`.git/config` unless `persist-credentials: false` is set. Every later step of the job can "
                    + "read it: third-party actions, the install scripts of packages, and anyone who downloads "
                    + "an artifact made from the whole workspace.")
            .remediation("Set `persist-credentials: false` on `actions/checkout`, and pass a token explicitly "
                    + "only to the step that pushes.")
            .tags("github-actions", "credentials", "CWE-522", "CWE-256")
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
                steps(job.steps(), sink);
            }
        } else if (file instanceof ActionMetadata a) {
            steps(a.steps(), sink);
        }
    }

    private static void steps(List<Step> steps, FindingSink sink) {
        for (int i = 0; i < steps.size(); i++) {
            Step checkout = steps.get(i);
            if (!checkout.uses("actions/checkout") || persistsNothing(checkout)) {
                continue;
            }
            for (int k = i + 1; k < steps.size(); k++) {
                Optional<String> exposure = exposure(steps.get(k));
                if (exposure.isPresent()) {
                    sink.report(checkout.uses().get().location(), "`actions/checkout` keeps the token in "
                            + "`.git/config` (no `persist-credentials: false`) and a later step " + exposure.get()
                            + "; set `persist-credentials: false`");
                    break;
                }
            }
        }
    }

    private static boolean persistsNothing(Step checkout) {
        return checkout.input("persist-credentials")
                .map(v -> v.value().text().strip().toLowerCase(Locale.ROOT)).filter("false"::equals).isPresent();
    }

    /** How the step could read a persisted token, if it could. */
    private static Optional<String> exposure(Step step) {
        if (step.uses().isPresent() && step.uses().get().kind() == ActionRef.Kind.REPOSITORY) {
            ActionRef ref = step.uses().get();
            if ((ref.is("actions/upload-artifact") || ref.is("actions/upload-pages-artifact"))
                    && uploadsWorkspace(step, ref)) {
                return Optional.of("(`" + step.label() + "`) uploads the workspace, `.git/config` included, as an "
                        + "artifact");
            }
            if (!FIRST_PARTY_OWNERS.contains(ref.owner().toLowerCase(Locale.ROOT))) {
                return Optional.of("runs the third-party action `" + ref.action() + "`");
            }
        }
        Optional<ParsedScript> script = step.run().flatMap(RunScript::script);
        if (script.isPresent()) {
            for (SimpleCommand c : script.get().shell().allCommands()) {
                Optional<Invocation> inv = Invocation.of(c).filter(ToolUses::installsPackages);
                if (inv.isPresent()) {
                    return Optional.of("(`" + step.label() + "`) installs packages with `" + inv.get().tool()
                            + "`, running their install code");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean uploadsWorkspace(Step step, ActionRef ref) {
        Optional<NamedValue> path = step.input("path");
        boolean workspace = path.isPresent() && path.get().value().text().lines().map(String::strip)
                .anyMatch(p -> WORKSPACE_PATHS.contains(p) || p.startsWith(".git"));
        if (!workspace) {
            return false;
        }
        Optional<NamedValue> hidden = step.input("include-hidden-files");
        if (hidden.isPresent()) {
            return hidden.get().value().text().strip().equalsIgnoreCase("true");
        }
        return !ref.isPinnedToCommit()
                && ref.ref().map(PersistCredentialsRule::uploadsHiddenFilesByDefault).orElse(false);
    }

    /** {@code upload-artifact} included hidden files by default before v4.4. */
    private static boolean uploadsHiddenFilesByDefault(String version) {
        Matcher m = MAJOR_MINOR.matcher(version);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return major < 4 || (major == 4 && minor < 4 && m.group(2) != null);
    }
}

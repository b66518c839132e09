package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Location;
import dev.veritensor.api.Precision;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.ActionRef;
import dev.veritensor.rules.ci.github.Job;
import dev.veritensor.rules.ci.github.NamedValue;
import dev.veritensor.rules.ci.github.RunScript;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Trigger;
import dev.veritensor.rules.ci.github.Workflow;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.shell.SimpleCommand;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code gha/cache-poisoning}: a workflow that publishes (packages, images, models, releases)
 * restores a GitHub Actions cache. Caches are shared across workflow runs of a repository, and a
 * run with lower privileges (a pull request, a compromised test job) can write an entry that the
 * release run then restores, so its content ends up in the published artifact. Restoring steps:
 * {@code actions/cache}, {@code actions/cache/restore}, {@code setup-python}/{@code setup-node}/
 * {@code setup-java} with {@code cache:}, {@code setup-go} (caching by default),
 * {@code setup-uv} with {@code enable-cache}, {@code setup-micromamba} with
 * {@code cache-environment}, {@code docker/build-push-action} with {@code cache-from: type=gha}.
 */
public final class CachePoisoningRule implements Rule<Workflow> {

    private static final RuleInfo INFO = RuleInfo.builder("gha/cache-poisoning")
            .title("Cache restored in a publishing workflow")
            .severity(Severity.MEDIUM)
            .description("GitHub Actions caches are shared between the workflow runs of a repository. A "
                    + "workflow that publishes a package, image, model or release and restores a cache can "
                    + "ship whatever a less trusted run (a pull request build, a compromised dependency in a "
                    + "test job) stored in that cache.")
            .remediation("Do not restore caches in release and publishing workflows: remove `actions/cache`, set "
                    + "`cache: ''` / `enable-cache: false` on setup actions, and build release artifacts from a "
                    + "clean environment. Keep caching in test workflows.")
            .tags("github-actions", "cache", "CWE-349", "CWE-494")
            .precision(Precision.MEDIUM)
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
        Optional<String> publishing = publishing(workflow);
        if (publishing.isEmpty()) {
            return;
        }
        FindingSink sink = new FindingSink(context);
        for (Step step : workflow.steps()) {
            restoredCache(step).ifPresent(at -> sink.report(at, "`" + step.uses().map(ActionRef::text).orElse("")
                    + "` restores a cache in a workflow that publishes (" + publishing.get() + "): an entry "
                    + "written by a less trusted run can end up in the published artifact"));
        }
    }

    /** Why the workflow counts as publishing, if it does. */
    private static Optional<String> publishing(Workflow workflow) {
        for (Trigger t : workflow.triggers()) {
            if (t.event().equals("release")) {
                return Optional.of("`release` trigger");
            }
            if (t.event().equals("push") && !t.tags().isEmpty()) {
                return Optional.of("runs on pushed tags");
            }
        }
        for (Job job : workflow.jobs()) {
            for (Step step : job.steps()) {
                if (step.uses("pypa/gh-action-pypi-publish") || step.uses("softprops/action-gh-release")
                        || (step.uses("docker/build-push-action") && isTrue(step.input("push")))) {
                    return Optional.of("`" + step.uses().get().action() + "`");
                }
                Optional<ParsedScript> script = step.run().flatMap(RunScript::script);
                if (script.isPresent()) {
                    for (SimpleCommand c : script.get().shell().allCommands()) {
                        Optional<Invocation> inv = Invocation.of(c).filter(ToolUses::publishes);
                        if (inv.isPresent()) {
                            return Optional.of("`" + inv.get().tool() + " " + inv.get().arguments().get(0).text() + "`");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Where the step restores a cache, if it does. */
    private static Optional<Location> restoredCache(Step step) {
        if (step.uses().isEmpty() || step.uses().get().kind() != ActionRef.Kind.REPOSITORY) {
            return Optional.empty();
        }
        ActionRef ref = step.uses().get();
        String action = ref.action();
        if (action.equals("actions/cache") || action.equals("actions/cache/restore")) {
            return Optional.of(ref.location());
        }
        return switch (ref.slug()) {
            case "actions/setup-python", "actions/setup-node", "actions/setup-java" ->
                    step.input("cache").filter(v -> !v.value().text().isBlank()).map(v -> v.value().location());
            case "actions/setup-go" -> step.input("cache").filter(v -> isFalse(Optional.of(v))).isPresent()
                    ? Optional.empty() : Optional.of(ref.location());
            case "astral-sh/setup-uv" -> step.input("enable-cache").filter(v -> isTrue(Optional.of(v)))
                    .map(v -> v.value().location());
            case "mamba-org/setup-micromamba" -> step.input("cache-environment").filter(v -> isTrue(Optional.of(v)))
                    .map(v -> v.value().location());
            case "docker/build-push-action" -> step.input("cache-from")
                    .filter(v -> v.value().text().contains("type=gha")).map(v -> v.value().location());
            default -> Optional.empty();
        };
    }

    private static boolean isTrue(Optional<NamedValue> v) {
        return v.map(n -> n.value().text().strip().toLowerCase(Locale.ROOT)).filter("true"::equals).isPresent();
    }

    private static boolean isFalse(Optional<NamedValue> v) {
        return v.map(n -> n.value().text().strip().toLowerCase(Locale.ROOT)).filter("false"::equals).isPresent();
    }
}

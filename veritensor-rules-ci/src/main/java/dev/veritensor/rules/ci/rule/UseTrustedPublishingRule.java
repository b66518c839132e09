package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Script;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.github.RunScript;
import dev.veritensor.rules.ci.github.Step;
import dev.veritensor.rules.ci.github.Workflow;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gha/use-trusted-publishing}: a GitHub workflow uploads to PyPI with a stored API token
 * ({@code pypa/gh-action-pypi-publish} given {@code password:}, or {@code twine upload},
 * {@code uv publish}, {@code poetry publish}, {@code hatch publish}, {@code flit publish} or
 * {@code pdm publish} given a token by option or environment variable). PyPI's trusted publishing
 * exchanges the job's short-lived OIDC identity for an upload token instead, so there is no
 * long-lived secret to steal. Uploads to another repository ({@code --repository-url} not on
 * PyPI) are not reported.
 */
public final class UseTrustedPublishingRule implements Rule<Workflow> {

    /** Per tool: the options and environment variables that carry a password or token. */
    private static final Map<String, List<String>> CREDENTIAL_OPTIONS = Map.of(
            "twine", List.of("-p", "--password"),
            "uv", List.of("-t", "--token", "-p", "--password"),
            "poetry", List.of("-p", "--password"),
            "hatch", List.of("-a", "--auth"),
            "pdm", List.of("-P", "--password"),
            "flit", List.of());
    private static final Map<String, List<String>> CREDENTIAL_VARIABLES = Map.of(
            "twine", List.of("TWINE_PASSWORD"),
            "uv", List.of("UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD"),
            "poetry", List.of("POETRY_PYPI_TOKEN_PYPI", "POETRY_HTTP_BASIC_PYPI_PASSWORD"),
            "hatch", List.of("HATCH_INDEX_AUTH"),
            "pdm", List.of("PDM_PUBLISH_PASSWORD"),
            "flit", List.of("FLIT_PASSWORD"));

    private static final RuleInfo INFO = RuleInfo.builder("gha/use-trusted-publishing")
            .title("PyPI upload with a stored token")
            .severity(Severity.LOW)
            .description("Uploading to PyPI with an API token stored as a repository secret leaves a long-lived "
                    + "credential that any step, action or dependency of the workflow can exfiltrate and that "
                    + "keeps working after it leaks. PyPI's trusted publishing gives the workflow a short-lived "
                    + "token bound to this repository and workflow instead.")
            .remediation("Configure a trusted publisher for the project on PyPI, grant the publishing job "
                    + "`permissions: id-token: write`, drop the `password:`/token, and publish with "
                    + "`pypa/gh-action-pypi-publish` (or `uv publish --trusted-publishing always`). Then delete "
                    + "the stored token.")
            .tags("github-actions", "pypi", "credentials", "CWE-522")
            .helpUri("https://docs.pypi.org/trusted-publishers/")
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
        for (Step step : workflow.steps()) {
            if (step.uses("pypa/gh-action-pypi-publish")) {
                step.input("password").filter(p -> !p.value().text().isBlank()).ifPresent(p ->
                        sink.report(p.value().location(), "`pypa/gh-action-pypi-publish` uploads with a stored "
                                + "token (`password:`); use trusted publishing and remove the token"));
            }
            step.run().flatMap(RunScript::script).ifPresent(s -> script(s, sink));
        }
    }

    private static void script(ParsedScript script, FindingSink sink) {
        Set<String> environment = new HashSet<>();
        for (Script.EnvVar v : script.script().environment()) {
            environment.add(v.name().toUpperCase(Locale.ROOT));
        }
        for (SimpleCommand c : script.shell().allCommands()) {
            Optional<Invocation> inv = Invocation.of(c);
            if (inv.isEmpty() || !CREDENTIAL_OPTIONS.containsKey(inv.get().tool())) {
                continue;
            }
            Invocation i = inv.get();
            boolean uploads = i.tool().equals("twine") ? i.startsWith("upload") : i.startsWith("publish");
            if (!uploads || !toPyPI(i)) {
                continue;
            }
            Optional<String> credential = credential(i, environment);
            credential.ifPresent(how -> sink.report(script.locate(i.command().start(), i.command().end()),
                    "`" + i.tool() + " " + i.arguments().get(0).text() + "` uploads to PyPI with a stored token ("
                            + how + "); use trusted publishing and remove the token"));
        }
    }

    private static Optional<String> credential(Invocation i, Set<String> environment) {
        for (String option : CREDENTIAL_OPTIONS.get(i.tool())) {
            if (i.command().hasOption(option)) {
                return Optional.of("`" + option + "`");
            }
        }
        Set<String> assigned = new HashSet<>(environment);
        for (Word w : i.command().assignments()) {
            assigned.add(w.text().substring(0, w.text().indexOf('=')).toUpperCase(Locale.ROOT));
        }
        for (String variable : CREDENTIAL_VARIABLES.get(i.tool())) {
            if (assigned.contains(variable)) {
                return Optional.of("`" + variable + "`");
            }
        }
        return Optional.empty();
    }

    /** Whether the upload goes to PyPI (or TestPyPI) rather than another repository. */
    private static boolean toPyPI(Invocation i) {
        Optional<Word> url = i.command().optionValue("--repository-url", "--publish-url", "-r", "--repository");
        return url.map(w -> w.text().toLowerCase(Locale.ROOT))
                .map(u -> u.contains("pypi.org") || u.equals("pypi") || u.equals("testpypi")).orElse(true);
    }
}

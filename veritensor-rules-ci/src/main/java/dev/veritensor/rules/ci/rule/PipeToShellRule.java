package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.shell.Pipeline;
import dev.veritensor.rules.ci.shell.ShellScript;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ci/pipe-to-shell}: content fetched from the network is executed as it arrives, without
 * being stored or checked: {@code curl … | sh}, {@code wget -qO- … | sudo bash -s},
 * {@code iwr … | iex}, {@code bash <(curl …)}, {@code sh -c "$(curl …)"},
 * {@code python -c "$(curl …)"}, {@code eval "$(wget -O- …)"}. Whoever controls the server, the
 * DNS or the URL's path runs code in the pipeline. Reads the scripts of every document that has
 * them, this pack's and others'.
 */
public final class PipeToShellRule implements Rule<ContainsScripts> {

    private static final RuleInfo INFO = RuleInfo.builder("ci/pipe-to-shell")
            .title("Remote script piped into an interpreter")
            .severity(Severity.HIGH)
            .description("Piping a download straight into `sh`, `bash`, `python` or another interpreter runs "
                    + "whatever the server returns at that moment, with the job's credentials. A compromised or "
                    + "hijacked download host (or a typo-squatted URL) needs no further step to take over the "
                    + "build; a truncated download can even run half a script.")
            .remediation("Download the script or installer to a file, verify it against a pinned checksum or "
                    + "signature (`echo \"<sha256>  install.sh\" | sha256sum -c -`), then run it; better, install "
                    + "the tool from a package manager or a pinned, verified release artifact.")
            .tags("supply-chain", "scripts", "CWE-494", "CWE-829")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<ContainsScripts> documentType() {
        return ContainsScripts.class;
    }

    @Override
    public void check(ContainsScripts document, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        List<ParsedScript> scripts;
        if (document instanceof PipelineDocument p) {
            scripts = p.parsedScripts();
        } else {
            scripts = new ArrayList<>();
            for (Script s : document.scripts()) {
                scripts.add(ParsedScript.of(s));
            }
        }
        for (ParsedScript script : scripts) {
            for (Pipeline pipeline : script.shell().allPipelines()) {
                piped(script, pipeline, sink);
                for (SimpleCommand c : pipeline.commands()) {
                    substituted(script, c, sink);
                }
            }
        }
    }

    /** {@code fetch | … | interpreter}. */
    private static void piped(ParsedScript script, Pipeline pipeline, FindingSink sink) {
        List<SimpleCommand> stages = pipeline.commands();
        for (int i = 0; i < stages.size(); i++) {
            if (!Fetches.fetchesToStdout(stages.get(i))) {
                continue;
            }
            for (int k = i + 1; k < stages.size(); k++) {
                if (Interpreters.readsProgramFromStdin(stages.get(k))) {
                    SimpleCommand fetch = stages.get(i);
                    String interpreter = stages.get(k).effective().words().get(0).text();
                    sink.report(script.locate(fetch.start(), fetch.end()), "`" + name(fetch) + "` output is piped "
                            + "into `" + interpreter + "`: the downloaded script runs unverified");
                    return;
                }
            }
        }
    }

    /** {@code interpreter <(fetch)}, {@code interpreter -c "$(fetch)"}, {@code eval "$(fetch)"}. */
    private static void substituted(ParsedScript script, SimpleCommand command, FindingSink sink) {
        for (Word program : Interpreters.programArguments(command)) {
            for (ShellScript sub : program.substitutions()) {
                for (SimpleCommand inner : sub.allCommands()) {
                    if (Fetches.fetchesToStdout(inner)) {
                        String interpreter = command.effective().words().get(0).text();
                        sink.report(script.locate(command.start(), command.end()), "`" + interpreter + "` runs the "
                                + "output of `" + name(inner) + "` directly: the downloaded script runs unverified");
                        return;
                    }
                }
            }
        }
    }

    private static String name(SimpleCommand c) {
        SimpleCommand e = c.effective();
        return e.words().isEmpty() ? "" : e.words().get(0).text();
    }
}

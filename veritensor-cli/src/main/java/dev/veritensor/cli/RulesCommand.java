package dev.veritensor.cli;

import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.core.Scanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code veritensor rules}: lists every rule of the installed packs. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "Lists every rule of the installed packs: id, default severity and title. With --format"
                + " markdown, prints the full rule reference (description, remediation, tags, options).")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("markdown")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "' (expected text or markdown)");
        }
        List<RuleInfo> rules = Scanner.builder().loadPacks(RulesCommand.class.getClassLoader()).build().rules()
                .stream().map(Scanner.RuleSetup::info).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("text")) {
            int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
            for (RuleInfo r : rules) {
                out.printf("%-" + width + "s  %-8s  %s%n", r.id(), r.defaultSeverity(), r.title());
            }
        } else {
            writeMarkdown(rules, out);
        }
        out.flush();
        return ExitCodes.PASS;
    }

    private static void writeMarkdown(List<RuleInfo> rules, PrintWriter out) {
        out.println("| id | severity | title |");
        out.println("|---|---|---|");
        for (RuleInfo r : rules) {
            out.printf("| [`%s`](#%s) | %s | %s |%n", r.id(), anchor(r), r.defaultSeverity(), r.title());
        }
        for (RuleInfo r : rules) {
            out.println();
            out.printf("### %s%n%n", anchor(r));
            out.printf("**`%s`** — %s. Default severity **%s**, precision %s.%n%n", r.id(), r.title(),
                    r.defaultSeverity(), r.precision().reportName());
            out.println(r.description());
            out.println();
            out.println("*Remediation:* " + r.remediation());
            if (!r.tags().isEmpty()) {
                out.println();
                out.println("*Tags:* " + String.join(", ", r.tags()));
            }
            if (!r.options().isEmpty()) {
                out.println();
                out.println("*Options* (`[rules.options.\"" + r.id() + "\"]`):");
                out.println();
                for (RuleOption o : r.options()) {
                    out.printf("- `%s` (%s, default `%s`): %s%n", o.name(),
                            o.type().name().toLowerCase(java.util.Locale.ROOT), o.defaultValue(), o.description());
                }
            }
        }
    }

    private static String anchor(RuleInfo r) {
        return r.id().replace('/', '-');
    }
}

package dev.veritensor.cli;

import dev.veritensor.core.Veritensor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level {@code veritensor} command; its work is in the {@code scan} and {@code rules} sub-commands. */
@Command(name = "veritensor",
        mixinStandardHelpOptions = true,
        versionProvider = VeritensorCommand.Version.class,
        description = "Finds supply-chain risks in Python and ML repositories before anything is installed or run:"
                + " dependency confusion, floating versions, missing hashes, typosquats and more. Never executes"
                + " what it scans and never uses the network.",
        subcommands = {ScanCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the scan passed the policy", "1:the policy failed: a new finding at or above --fail-on",
                "2:usage, configuration or input/output error"})
public final class VeritensorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VeritensorCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("veritensor: " + ex.getMessage());
            return ExitCodes.USAGE_OR_IO;
        });
        cl.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE_OR_IO);
        return cl;
    }

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("veritensor: a sub-command is required (scan or rules).");
        spec.commandLine().usage(err);
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command");
    }

    /** Prints the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Veritensor.NAME + " " + Veritensor.version()};
        }
    }
}

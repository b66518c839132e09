package dev.veritensor.cli;

import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.Veritensor;
import dev.veritensor.core.config.ConfigException;
import dev.veritensor.core.config.ConfigLoader;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.core.policy.Baseline;
import dev.veritensor.core.policy.Policy;
import dev.veritensor.core.policy.PolicyResult;
import dev.veritensor.core.policy.Verdict;
import dev.veritensor.core.report.Report;
import dev.veritensor.core.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code veritensor scan}: scans, reports and judges. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scans PATH for supply-chain risks and blocks the build when the policy says so.",
            "",
            "The scan root is PATH when it is one folder (the default is the current folder); with files"
                    + " or several paths it is the repository (nearest folder with .git) that holds them, else the"
                    + " current folder when it holds them, else the deepest folder that does, and only the given"
                    + " paths are scanned (references such as -r still resolve within the root). The root's"
                    + " veritensor.toml (or [tool.veritensor] in its pyproject.toml) configures the scan, and"
                    + " reported paths are relative to the root."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pass", "1:policy failed: a new finding at or above --fail-on",
                "2:usage, configuration or input/output error"})
final class ScanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Folders or files to scan (default: .).")
    List<Path> paths = List.of();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of"
            + " standard output; a one-line summary still goes to standard error.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Lowest severity that fails the build: info,"
            + " low, medium, high or critical (default: from the configuration, else high).")
    String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file to use instead of the"
            + " scan root's veritensor.toml or pyproject.toml.")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline of accepted findings: only findings"
            + " not in it can fail the build.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write every current finding to FILE as"
            + " the new baseline (the policy then passes).")
    Path writeBaseline;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Scan threads (default: processors).")
    Integer threads;

    @Option(names = "--no-color", description = "Never colour the text report (colour is used only on a terminal"
            + " and never when NO_COLOR is set).")
    boolean noColor;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat = ReportFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown --format '" + format + "' (expected text, json or sarif)"));
        Severity threshold = null;
        if (failOn != null) {
            threshold = Severity.parse(failOn).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --fail-on '" + failOn + "' (expected info, low, medium, high or critical)"));
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("veritensor: no such file or folder: " + p);
                return ExitCodes.USAGE_OR_IO;
            }
        }
        boolean singleRoot = paths.isEmpty() || (paths.size() == 1 && Files.isDirectory(paths.get(0)));
        Path root = paths.isEmpty() ? Path.of("") : singleRoot ? paths.get(0) : rootFor(paths);
        ScanConfig scanConfig;
        try {
            scanConfig = config != null ? ConfigLoader.load(config) : ConfigLoader.discover(root).orElse(ScanConfig.defaults());
        } catch (ConfigException e) {
            err.println("veritensor: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        if (threshold != null) {
            scanConfig = scanConfig.withFailOn(threshold);
        }
        Scanner scanner;
        try {
            Scanner.Builder builder = Scanner.builder().loadPacks(ScanCommand.class.getClassLoader()).config(scanConfig);
            if (threads != null) {
                builder.threads(threads);
            }
            scanner = builder.build();
        } catch (ConfigException e) {
            err.println("veritensor: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        Baseline known = Baseline.empty();
        if (baseline != null) {
            try {
                known = Baseline.read(baseline);
            } catch (IOException e) {
                err.println("veritensor: " + e.getMessage());
                return ExitCodes.USAGE_OR_IO;
            }
        }
        ScanResult result;
        try {
            result = singleRoot ? scanner.scan(root) : scanner.scan(root, paths);
        } catch (IOException e) {
            err.println("veritensor: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, result.findings());
            known = Baseline.of(result.findings());
            err.println("veritensor: wrote " + result.findings().size() + " finding(s) to baseline " + writeBaseline);
        }
        PolicyResult policy = Policy.evaluate(result, scanConfig.failOn(), known);
        Report report = new Report(result, policy,
                new Report.ToolInfo(Veritensor.NAME, Veritensor.version(), Veritensor.INFORMATION_URI));
        if (output != null) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                reportFormat.reporter(false).write(report, w);
            }
            err.println("veritensor: " + policy.newFindings().size() + " new finding(s), "
                    + policy.baselined().size() + " baselined, " + result.suppressed().size() + " suppressed, "
                    + result.diagnostics().size() + " diagnostic(s); verdict " + policy.verdict()
                    + "; report written to " + output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            reportFormat.reporter(useColor()).write(report, out);
            out.flush();
        }
        return policy.verdict() == Verdict.PASS ? ExitCodes.PASS : ExitCodes.POLICY_FAILED;
    }

    /**
     * The scan root for files or several paths: the repository (nearest folder with {@code .git})
     * holding them all, else the working directory when it holds them all, else the deepest folder
     * that does. A root above the files keeps their names meaningful ({@code .github/workflows/…},
     * {@code requirements/…}) and finds the project's configuration.
     */
    private static Path rootFor(List<Path> paths) throws IOException {
        Path common = null;
        for (Path p : paths) {
            Path real = p.toRealPath();
            Path folder = Files.isDirectory(real) ? real : real.getParent();
            if (common == null) {
                common = folder;
            } else {
                while (!folder.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        for (Path f = common; f != null; f = f.getParent()) {
            if (Files.exists(f.resolve(".git"))) {
                return f;
            }
        }
        Path cwd = Path.of("").toRealPath();
        return common.startsWith(cwd) ? cwd : common;
    }

    private boolean useColor() {
        String noColorEnv = System.getenv("NO_COLOR");
        return !noColor && System.console() != null && (noColorEnv == null || noColorEnv.isEmpty());
    }
}

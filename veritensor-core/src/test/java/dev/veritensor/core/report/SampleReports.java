package dev.veritensor.core.report;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.Precision;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Suppression;
import dev.veritensor.api.TextEdit;
import dev.veritensor.core.policy.PolicyResult;
import dev.veritensor.core.policy.Verdict;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Reports for reporter tests, built by hand so each test knows exactly what went in. */
final class SampleReports {

    static final Report.ToolInfo TOOL = new Report.ToolInfo("Veritensor", "0.1.0-SNAPSHOT", "https://veritensor.dev");

    /** The credential planted in messages, fixes, justifications and diagnostics of {@link #full()}. */
    static final String SECRET = "s3cret";
    static final String SECRET_URL = "https://user:" + SECRET + "@host/simple";

    static final RuleInfo EXTRA_INDEX = RuleInfo.builder("pip/extra-index-url")
            .title("Extra package index beside the primary")
            .severity(Severity.HIGH)
            .description("pip takes the highest version across all indexes, so a public package can shadow an internal one.")
            .remediation("Use one --index-url pointing at a proxy that serves internal names first.")
            .tags("dependency-confusion", "CWE-427")
            .build();
    static final RuleInfo FLOATING = RuleInfo.builder("pip/floating-version")
            .title("Requirement not pinned to one version")
            .severity(Severity.MEDIUM)
            .description("A range lets a new release, malicious or broken, in without review.")
            .remediation("Pin with == to an exact version.")
            .tags("CWE-1104")
            .build();
    static final RuleInfo TYPOSQUAT = RuleInfo.builder("pip/typosquat")
            .title("Name one typo away from a popular package")
            .severity(Severity.HIGH)
            .description("The name differs from a popular package by one edit.")
            .remediation("Check the spelling.")
            .tags("CWE-1357", "typosquatting")
            .precision(Precision.MEDIUM)
            .build();
    static final RuleInfo PTH_EXEC = RuleInfo.builder("pip/pth-exec")
            .title("Executable line in a .pth file")
            .severity(Severity.CRITICAL)
            .description("Lines starting with import run at every interpreter start.")
            .remediation("Remove the package.")
            .tags("CWE-94")
            .helpUri("https://veritensor.dev/rules/pip-pth-exec")
            .build();
    static final RuleInfo PRE_RELEASE = RuleInfo.builder("pip/pre-release")
            .title("Pre-releases allowed")
            .severity(Severity.LOW)
            .description("--pre admits alpha and beta releases.")
            .remediation("Drop --pre.")
            .build();
    static final RuleInfo NO_INDEX = RuleInfo.builder("pip/no-index-note")
            .title("Installs from local archives only")
            .severity(Severity.INFO)
            .description("--no-index disables every index.")
            .remediation("Nothing to do.")
            .tags("CWE-427", "CWE-427")
            .helpUri("not a uri")
            .build();

    private SampleReports() {
    }

    /** What {@code reporter} writes for {@code report}. */
    static String render(Reporter reporter, Report report) {
        StringWriter out = new StringWriter();
        try {
            reporter.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Report report(List<Finding> findings, Set<Finding> baselined, List<Suppression> suppressed,
                         List<Diagnostic> diagnostics, List<RuleInfo> rules, Severity failOn,
                         ScanResult.Stats stats) {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        List<Finding> fresh = findings.stream().filter(f -> !baselined.contains(f)).toList();
        List<Finding> known = findings.stream().filter(baselined::contains).toList();
        Verdict verdict = fresh.stream().anyMatch(f -> f.severity().isAtLeast(failOn)) ? Verdict.FAIL : Verdict.PASS;
        return new Report(new ScanResult(findings, suppressed, diagnostics, rules, stats),
                new PolicyResult(verdict, failOn, fresh, known), TOOL);
    }

    static Finding finding(RuleInfo rule, Severity severity, String message, Location location, List<Fix> fixes) {
        return new Finding(rule.id(), severity, message, location, fixes,
                Integer.toHexString((rule.id() + location + message).hashCode()));
    }

    /** Nothing found, nothing wrong. */
    static Report empty() {
        return report(List.of(), Set.of(), List.of(), List.of(), List.of(EXTRA_INDEX), Severity.HIGH,
                new ScanResult.Stats(0, 0));
    }

    /**
     * Every kind of entry: all severities, fixes, a baselined finding, suppressions, diagnostics,
     * paths with spaces, non-ASCII and archive members, and a credential in every kind of text.
     */
    static Report full() {
        Finding pth = finding(PTH_EXEC, Severity.CRITICAL, "Line 1 of pkg.pth runs code: import os",
                Location.ofLine("dist/pkg-1.0-py3-none-any.whl!/pkg.pth", 1, 1, 10), List.of());
        Finding extra = finding(EXTRA_INDEX, Severity.HIGH, "Extra index " + SECRET_URL + " beside the primary index",
                Location.ofLine("requirements.txt", 1, 1, 52),
                List.of(Fix.replace("Replace the extra index by --index-url " + SECRET_URL,
                        Location.ofLine("requirements.txt", 1, 1, 52), "--index-url " + SECRET_URL)));
        Finding floating = finding(FLOATING, Severity.MEDIUM, "requests>=2.0 is not pinned to one version",
                Location.ofLine("requirements.txt", 4, 1, 14),
                List.of(Fix.replace("Pin requests to 2.32.3", Location.ofLine("requirements.txt", 4, 9, 14), "==2.32.3")));
        Finding typo = finding(TYPOSQUAT, Severity.HIGH, "reqeusts imitates requests",
                Location.ofLine("requirements.txt", 7, 1, 9), List.of());
        Finding pre = finding(PRE_RELEASE, Severity.LOW, "--pre admits pre-releases of every requirement",
                new Location("sub dir/café.txt", 2, 3, 3, 1), List.of());
        Finding info = finding(NO_INDEX, Severity.INFO, "Installs from ./wheels only",
                Location.ofFile("notes/ünïcode 名前.in"), List.of());
        Finding quiet = finding(FLOATING, Severity.MEDIUM, "numpy is not pinned to one version",
                Location.ofLine("requirements.txt", 9, 1, 6),
                List.of(new Fix("Pin numpy and delete the marker", List.of(
                        new TextEdit(Location.ofLine("requirements.txt", 9, 6, 6), "==2.1.0"),
                        new TextEdit(Location.ofLine("requirements.txt", 9, 7, 30), "")))));
        Finding quieter = finding(TYPOSQUAT, Severity.HIGH, "pandsa imitates pandas",
                Location.ofLine("requirements.txt", 11, 1, 7), List.of());
        List<Suppression> suppressed = List.of(
                new Suppression(quiet, "pinned by constraints from " + SECRET_URL, Location.ofLine("requirements.txt", 8, 1, 40)),
                new Suppression(quieter, "", Location.ofLine("requirements.txt", 11, 9, 38)));
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error("parse-error", Location.ofLine("broken/requirements.txt", 3, 5, 6),
                        "cannot read --index-url " + SECRET_URL + ": unterminated continuation"),
                Diagnostic.error("file-too-large", Location.ofFile("data/huge.txt"),
                        "11534336 bytes exceeds the limit of 10485760"),
                Diagnostic.warning("unused-suppression", Location.ofLine("requirements.txt", 12, 3, 40),
                        "ignore[pip/typosquat] matches no finding"));
        return report(List.of(pth, extra, floating, typo, info, pre), Set.of(floating), suppressed, diagnostics,
                List.of(EXTRA_INDEX, FLOATING, NO_INDEX, PRE_RELEASE, PTH_EXEC, TYPOSQUAT), Severity.HIGH,
                new ScanResult.Stats(9, 11));
    }

    /** Findings only below the threshold: the verdict passes. */
    static Report passing() {
        Finding floating = finding(FLOATING, Severity.MEDIUM, "torch is not pinned to one version",
                Location.ofLine("requirements.txt", 2, 1, 6), List.of());
        return report(List.of(floating), Set.of(), List.of(), List.of(), List.of(FLOATING), Severity.HIGH,
                new ScanResult.Stats(1, 1));
    }

    /** Findings on files whose names need escaping in a URI or a terminal. */
    static Report awkwardPaths(List<String> paths) {
        List<Finding> findings = new ArrayList<>();
        for (String path : paths) {
            findings.add(finding(FLOATING, Severity.MEDIUM, "x is not pinned", Location.ofLine(path, 1, 1, 2),
                    List.of(Fix.replace("Pin x", Location.ofLine(path, 1, 2, 2), "==1.0"))));
        }
        List<Diagnostic> diagnostics = paths.stream()
                .map(p -> Diagnostic.warning("odd-name", Location.ofFile(p), "odd name")).sorted().toList();
        return report(findings, Set.of(), List.of(), diagnostics, List.of(FLOATING), Severity.HIGH,
                new ScanResult.Stats(paths.size(), paths.size()));
    }

    /** {@code count} findings over a few files and every rule, drawn from a fixed seed. */
    static Report many(int count, long seed) {
        Random random = new Random(seed);
        List<RuleInfo> rules = List.of(EXTRA_INDEX, FLOATING, NO_INDEX, PRE_RELEASE, PTH_EXEC, TYPOSQUAT);
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RuleInfo rule = rules.get(random.nextInt(rules.size()));
            String path = "pkg" + random.nextInt(12) + "/requirements-" + random.nextInt(3) + ".txt";
            int line = 1 + random.nextInt(400);
            int column = 1 + random.nextInt(30);
            Location location = Location.ofLine(path, line, column, column + 1 + random.nextInt(40));
            List<Fix> fixes = random.nextInt(3) == 0
                    ? List.of(Fix.replace("Rewrite item " + i, location, "item==" + i)) : List.of();
            Finding finding = finding(rule, Severity.values()[random.nextInt(Severity.values().length)],
                    "finding " + i + " of " + rule.id(), location, fixes);
            if (random.nextInt(10) == 0) {
                suppressed.add(new Suppression(finding, "reason " + i,
                        Location.ofLine(path, Math.max(1, line - 1), 1, 20)));
            } else {
                findings.add(finding);
            }
        }
        Set<Finding> baselined = Set.copyOf(findings.subList(0, findings.size() / 4));  // any quarter will do
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error("parse-error", Location.ofLine("pkg1/requirements-0.txt", 3, 1, 2), "bad line"));
        return report(findings, baselined, suppressed, diagnostics, rules, Severity.MEDIUM,
                new ScanResult.Stats(36, 40));
    }
}

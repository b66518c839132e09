package dev.veritensor.examples;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ConfigLoader;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.core.policy.Baseline;
import dev.veritensor.core.policy.Policy;
import dev.veritensor.core.policy.PolicyResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Embedding Veritensor in a Java tool: one scanner, built once, scans a folder on disk and an
 * unsaved editor buffer held in memory, then applies the policy.
 *
 * <p>Run: {@code java -cp … dev.veritensor.examples.EmbeddingExample [folder]}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "examples/demo-ml-project");

        // The folder's veritensor.toml, if any, configures the scan.
        ScanConfig config = ConfigLoader.discover(root).orElse(ScanConfig.defaults());
        Scanner scanner = Scanner.builder()
                .loadInstalledPacks()          // every pack on the class path (META-INF/services)
                .config(config)
                .build();                      // reusable and thread-safe

        ScanResult onDisk = scanner.scan(root);
        print("folder " + root, onDisk);

        // An IDE passes what the user is typing, saved or not.
        ScanResult buffer = scanner.scan(List.of(
                Source.of("requirements.txt", "reqeusts==2.31.0\n--extra-index-url https://pypi.example/simple\n")));
        print("unsaved buffer", buffer);

        PolicyResult verdict = Policy.evaluate(onDisk, config.failOn(), Baseline.empty());
        System.out.println("verdict for " + root + ": " + verdict.verdict());
    }

    private static void print(String what, ScanResult result) {
        System.out.println(what + ": " + result.findings().size() + " finding(s)");
        for (Finding f : result.findings()) {
            System.out.printf("  %s  %-8s %s  %s%n", f.location(), f.severity(), f.ruleId(), f.message());
        }
    }
}

package dev.veritensor.bench;

import dev.veritensor.api.ScanResult;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.rules.pip.PipRulePack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scans a generated tree of 10,000 requirements files (about 20 requirements each, a realistic mix
 * of pins, ranges, hashes, indexes, VCS references and misspellings) from disk, end to end:
 * discovery, parsing, every pip rule, sorting and fingerprints.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar RequirementsTreeScan}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class RequirementsTreeScanBenchmark {

    private static final String[] NAMES = {"numpy", "pandas", "torch", "transformers", "scikit-learn", "requests",
        "pyyaml", "tqdm", "scipy", "matplotlib", "datasets", "accelerate", "tokenizers", "safetensors",
        "fastapi", "pydantic", "boto3", "mlflow", "wandb", "reqeusts", "numpyy", "corp-data-loader"};

    @Param({"10000"})
    public int files;

    @Param({"1", "2"})
    public int threads;

    private Path root;
    private Scanner scanner;
    private long bytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Files.createTempDirectory("veritensor-bench");
        Random random = new Random(7);
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve("svc" + (i % 100)).resolve("m" + (i / 100));
            Files.createDirectories(dir);
            String text = requirements(random, i);
            bytes += text.length();
            Files.writeString(dir.resolve(i % 3 == 0 ? "requirements-dev.txt" : "requirements.txt"), text);
        }
        scanner = Scanner.builder().addPack(new PipRulePack()).config(ScanConfig.defaults()).threads(threads).build();
        ScanResult r = scanner.scan(root);
        System.out.printf("%n[setup] %d files, %.1f MB, %d findings, %d diagnostics%n", r.stats().sources(),
                bytes / 1e6, r.findings().size(), r.diagnostics().size());
    }

    private static String requirements(Random random, int i) {
        StringBuilder sb = new StringBuilder("# generated requirements file ").append(i).append('\n');
        if (i % 10 == 0) {
            sb.append("--extra-index-url https://pypi.corp.example/simple\n");
        }
        for (int r = 0; r < 20; r++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            switch (random.nextInt(5)) {
                case 0 -> sb.append(name).append(">=1.").append(r).append('\n');
                case 1 -> sb.append(name).append("==2.").append(r).append(".0 \\\n    --hash=sha256:")
                        .append("0123456789abcdef".repeat(4)).append('\n');
                case 2 -> sb.append(name).append("[extra]==1.0.").append(r).append(" ; python_version >= \"3.9\"\n");
                case 3 -> sb.append("git+https://github.com/example/").append(name).append("@main#egg=").append(name).append('\n');
                default -> sb.append(name).append('\n');
            }
        }
        return sb.toString();
    }

    @Benchmark
    public ScanResult scanTree() throws IOException {
        return scanner.scan(root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

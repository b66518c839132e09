package dev.veritensor.bench.artifacts;

import dev.veritensor.api.ScanResult;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.rules.artifacts.ArtifactRulePack;
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
import java.util.concurrent.TimeUnit;

/**
 * Scans one synthetic PyTorch zip checkpoint of {@code megabytes} MiB — 16 MiB float storages,
 * stored as {@code torch.save} stores them, every one CRC-verified while it streams past, plus the
 * {@code data.pkl} that references them — end to end with the artifact pack. The fork gets a
 * 64 MiB heap: the scanner streams, so 1 GiB needs no more heap than 256 MiB. MB/s is the size over
 * the reported time; the teardown prints the peak heap.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar CheckpointScan}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
public class CheckpointScanBenchmark {

    @Param({"256", "1024"})
    public int megabytes;

    private Path dir;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("veritensor-checkpoint");
        SyntheticArtifacts.checkpoint(dir.resolve("pytorch_model.bin"), megabytes / 16, 16 << 20);
        scanner = Scanner.builder().addPack(new ArtifactRulePack()).config(ScanConfig.defaults()).threads(1).build();
        ScanResult r = scanner.scan(dir);
        System.out.printf("%n[setup] %d MiB checkpoint: %d findings, %d diagnostics%n", megabytes,
                r.findings().size(), r.diagnostics().size());
    }

    @Benchmark
    public ScanResult scan() throws IOException {
        return scanner.scan(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n[heap] %d MiB checkpoint: %s%n", megabytes, HeapPeak.report());
        SyntheticArtifacts.delete(dir);
    }
}

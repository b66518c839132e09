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
 * Scans a folder of {@code files} small pickles (state dicts of one to eight tensors, one in fifty
 * an attack hiding {@code os.system} behind memoised STACK_GLOBAL operands) end to end with the
 * artifact pack, with a 64 MiB heap.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar SmallPicklesScan}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
public class SmallPicklesScanBenchmark {

    @Param({"10000"})
    public int files;

    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("veritensor-pickles");
        long bytes = SyntheticArtifacts.smallPickles(dir, files);
        scanner = Scanner.builder().addPack(new ArtifactRulePack()).config(ScanConfig.defaults()).threads(threads).build();
        ScanResult r = scanner.scan(dir);
        System.out.printf("%n[setup] %d pickles, %.1f MB: %d findings, %d diagnostics%n", files, bytes / 1e6,
                r.findings().size(), r.diagnostics().size());
    }

    @Benchmark
    public ScanResult scan() throws IOException {
        return scanner.scan(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n[heap] %d pickles: %s%n", files, HeapPeak.report());
        SyntheticArtifacts.delete(dir);
    }
}

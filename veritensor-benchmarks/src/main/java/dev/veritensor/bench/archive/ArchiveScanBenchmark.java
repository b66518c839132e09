package dev.veritensor.bench.archive;

import dev.veritensor.api.ScanResult;
import dev.veritensor.bench.artifacts.HeapPeak;
import dev.veritensor.bench.artifacts.SyntheticArtifacts;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.rules.artifacts.ArtifactRulePack;
import dev.veritensor.rules.ci.CiRulePack;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scans one generated archive end to end through the real {@link Scanner} with every bundled
 * pack — the engine opens it in place and streams its members to every parser and rule, the wheel
 * parser digests every member against RECORD:
 * <ul>
 *   <li>{@code wheel}: a wheel of 5,000 deflated Python modules (about 40 MB expanded) and its RECORD;</li>
 *   <li>{@code sdist}: the same package as a {@code .tar.gz} sdist with a setup.py, whose gzip
 *       stream is decompressed from the start;</li>
 *   <li>{@code native-wheel-256}, {@code native-wheel-1024}: a wheel of stored 16 MiB native
 *       libraries, 256 MiB and 1 GiB, every byte of which is digested against RECORD;</li>
 *   <li>{@code bundle-1024}: a 1 GiB zip model bundle of stored 16 MiB safetensors shards, of which
 *       the engine reads the central directory and each shard's header.</li>
 * </ul>
 * The fork gets a 256 MiB heap: archives are streamed, so the 1 GiB wheel needs no more heap than
 * the 256 MiB one. MB/s is the archive's size (printed by the setup) over the reported time; the
 * teardown prints the peak heap.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar ArchiveScan}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class ArchiveScanBenchmark {

    private static final int MODULES = 5_000;
    private static final int SHARD_BYTES = 16 << 20;

    @Param({"wheel", "sdist", "native-wheel-256", "native-wheel-1024", "bundle-1024"})
    public String archive;

    private Path dir;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("veritensor-archive");
        Path file;
        long expanded;
        if (archive.startsWith("bundle-")) {
            int shards = Integer.parseInt(archive.substring("bundle-".length())) / 16;
            file = SyntheticPackages.bundle(dir, shards, SHARD_BYTES);
            expanded = (long) shards * SHARD_BYTES;
        } else {
            Map<String, byte[]> files = archive.startsWith("native-wheel-")
                    ? SyntheticPackages.nativeFiles("bench_native",
                            Integer.parseInt(archive.substring("native-wheel-".length())) / 16, SHARD_BYTES)
                    : SyntheticPackages.packageFiles("bench_pkg", MODULES);
            file = archive.equals("sdist") ? SyntheticPackages.sdist(dir, "bench_pkg", files)
                    : SyntheticPackages.wheel(dir, archive.equals("wheel") ? "bench_pkg" : "bench_native", files,
                            !archive.equals("wheel"));
            expanded = files.values().stream().mapToLong(b -> b.length).sum();
        }
        scanner = Scanner.builder().addPack(new PipRulePack()).addPack(new CiRulePack())
                .addPack(new ArtifactRulePack()).config(ScanConfig.defaults()).threads(1).build();
        ScanResult r = scanner.scan(dir);
        System.out.printf("%n[setup] %s: %s, %.1f MB on disk, %.1f MB expanded, %d sources, %d findings,"
                        + " %d diagnostics%n", archive, file.getFileName(), Files.size(file) / 1e6, expanded / 1e6,
                r.stats().sources(), r.findings().size(), r.diagnostics().size());
    }

    @Benchmark
    public ScanResult scan() throws IOException {
        return scanner.scan(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n[heap] %s: %s%n", archive, HeapPeak.report());
        SyntheticArtifacts.delete(dir);
    }
}

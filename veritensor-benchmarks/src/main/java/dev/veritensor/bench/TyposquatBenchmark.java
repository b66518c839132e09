package dev.veritensor.bench;

import dev.veritensor.rules.pip.typosquat.ReferenceData;
import dev.veritensor.rules.pip.typosquat.TyposquatDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The typosquat detector against the full bundled popular set (5,000 most downloaded + curated):
 * names checked per second by the indexed detector, beside a naive baseline that computes the
 * Damerau-Levenshtein (optimal string alignment) distance to every popular name, and the time to
 * build the detector's index. The checked names are {@value #QUERIES} deterministic variants of
 * popular names (one or two random edits) and unrelated random names, half and half.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar TyposquatBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TyposquatBenchmark {

    static final int QUERIES = 1_000;

    private List<String> byDownloads;
    private List<String> curated;
    private String[] popular;
    private String[] queries;
    private TyposquatDetector detector;

    @Setup
    public void setUp() {
        byDownloads = ReferenceData.popularByDownloads();
        curated = ReferenceData.curated();
        List<String> all = new ArrayList<>(byDownloads);
        all.addAll(curated);
        popular = all.toArray(new String[0]);
        detector = TyposquatDetector.build(byDownloads, curated);
        Random random = new Random(42);
        queries = new String[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = i % 2 == 0
                    ? mutate(random, popular[random.nextInt(popular.length)])
                    : randomName(random);
        }
    }

    /** Names checked per second by the indexed detector. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUERIES)
    public void indexedCheck(Blackhole bh) {
        for (String q : queries) {
            bh.consume(detector.check(q));
        }
    }

    /** Names checked per second by comparing each with every popular name (distance at most 2). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUERIES)
    public void naiveAllPairs(Blackhole bh) {
        for (String q : queries) {
            String best = null;
            for (String p : popular) {
                if (!p.equals(q) && distance(q, p) <= 2) {
                    best = p;
                    break;
                }
            }
            bh.consume(best);
        }
    }

    /** Time to build the detector (all maps and the deletion index) from the loaded lists. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TyposquatDetector buildIndex() {
        return TyposquatDetector.build(byDownloads, curated);
    }

    /** Plain optimal-string-alignment distance, full matrix, as a straightforward checker would compute it. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }

    private static String mutate(Random random, String name) {
        StringBuilder s = new StringBuilder(name);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && s.length() > 1; e++) {
            int pos = random.nextInt(s.length());
            char c = (char) ('a' + random.nextInt(26));
            switch (random.nextInt(4)) {
                case 0 -> s.insert(pos, c);
                case 1 -> s.deleteCharAt(pos);
                case 2 -> s.setCharAt(pos, c);
                default -> {
                    if (pos + 1 < s.length()) {
                        char x = s.charAt(pos);
                        s.setCharAt(pos, s.charAt(pos + 1));
                        s.setCharAt(pos + 1, x);
                    }
                }
            }
        }
        return s.toString();
    }

    private static String randomName(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 4 + random.nextInt(14);
        for (int i = 0; i < length; i++) {
            s.append(i > 2 && random.nextInt(8) == 0 ? '-' : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}

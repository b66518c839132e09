package dev.veritensor.bench.ci;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Fix;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;
import dev.veritensor.core.Limits;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.core.format.CoreFormats;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.rules.ci.github.WorkflowParser;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throughput of the CI pack over {@link WorkflowCorpus} (1,000 generated ML workflows), split
 * into its stages so the share of each is visible:
 * <ul>
 *   <li>{@code yamlOnly} — core's YAML parsing of every file into the neutral tree;</li>
 *   <li>{@code parse} — the workflow parser: YAML, model, expressions, script parsing;</li>
 *   <li>{@code rules} — the pack's fourteen rules over the already parsed workflows;</li>
 *   <li>{@code scan} — a whole scan from disk with the engine (discovery, parsing, rules,
 *       sorting, fingerprints, suppression), one thread.</li>
 * </ul>
 * Files/s and MB/s are the corpus size divided by the time per operation; the corpus size is
 * printed at setup.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar WorkflowScanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class WorkflowScanBenchmark {

    @Param({"1000"})
    public int files;

    private final List<Rule<?>> rules = new CiRulePack().rules();
    private final WorkflowParser parser = new WorkflowParser();
    private final List<Source> sources = new ArrayList<>();
    private final List<SourceText> texts = new ArrayList<>();
    private List<Document> parsed;
    private Path root;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Files.createTempDirectory("veritensor-ci-bench");
        Path dir = Files.createDirectories(root.resolve(".github/workflows"));
        long bytes = 0;
        List<String> corpus = WorkflowCorpus.generate(files, 42);
        for (int i = 0; i < corpus.size(); i++) {
            String path = ".github/workflows/w" + i + ".yml";
            byte[] content = corpus.get(i).getBytes(StandardCharsets.UTF_8);
            bytes += content.length;
            Files.write(dir.resolve("w" + i + ".yml"), content);
            sources.add(Source.of(path, content));
            texts.add(SourceText.decode(path, content));
        }
        parsed = parseAll();
        scanner = Scanner.builder().addPack(new CiRulePack()).config(ScanConfig.defaults()).threads(1).build();
        ScanResult r = scanner.scan(root);
        System.out.printf("%n[setup] %d workflows, %.2f MB, %d documents, %d findings, %d diagnostics%n",
                corpus.size(), bytes / 1e6, parsed.size(), r.findings().size(), r.diagnostics().size());
    }

    @Benchmark
    public void yamlOnly(Blackhole bh) throws DocumentParseException {
        StructuredFormats formats = new CoreFormats(Limits.DEFAULTS, d -> { });
        for (SourceText t : texts) {
            bh.consume(formats.yaml(t));
        }
    }

    @Benchmark
    public List<Document> parse() throws Exception {
        return parseAll();
    }

    @Benchmark
    public int rules() {
        CountingContext context = new CountingContext();
        for (Document d : parsed) {
            for (Rule<?> rule : rules) {
                check(rule, d, context);
            }
        }
        return context.findings;
    }

    @Benchmark
    public ScanResult scan() throws IOException {
        return scanner.scan(root);
    }

    private List<Document> parseAll() throws Exception {
        List<Document> out = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            out.addAll(parser.parse(sources.get(i), new BenchParseContext(texts.get(i))));
        }
        return out;
    }

    private static <D> void check(Rule<D> rule, Document d, RuleContext context) {
        if (rule.documentType().isInstance(d)) {
            rule.check(rule.documentType().cast(d), context);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A parse context over one already decoded text. */
    private static final class BenchParseContext implements ParseContext {
        private final SourceText text;
        private final StructuredFormats formats = new CoreFormats(Limits.DEFAULTS, d -> { });

        BenchParseContext(SourceText text) {
            this.text = text;
        }

        @Override
        public SourceText text(Source source) {
            return text;
        }

        @Override
        public StructuredFormats formats() {
            return formats;
        }

        @Override
        public Optional<Source> include(Source from, String reference, Location at) {
            return Optional.empty();
        }

        @Override
        public void report(Diagnostic diagnostic) {
            // diagnostics are not what is measured
        }
    }

    /** A rule context that only counts what is reported. */
    private static final class CountingContext implements RuleContext {
        int findings;

        @Override
        public RuleOptions options() {
            return new RuleOptions(java.util.Map.of("allowed-tag-owners", List.of()));
        }

        @Override
        public ProjectView project() {
            return new ProjectView() {
                @Override
                public <T> List<T> documents(Class<T> type) {
                    return List.of();
                }

                @Override
                public InternalScope internal() {
                    return InternalScope.none();
                }
            };
        }

        @Override
        public void report(Location location, String message, List<Fix> fixes) {
            findings++;
        }

        @Override
        public void report(Severity severity, Location location, String message, List<Fix> fixes) {
            findings++;
        }
    }
}

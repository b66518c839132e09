package dev.veritensor.bench.pip;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;
import dev.veritensor.core.Limits;
import dev.veritensor.core.format.CoreFormats;
import dev.veritensor.rules.pip.lock.PdmLockParser;
import dev.veritensor.rules.pip.lock.PipfileLockParser;
import dev.veritensor.rules.pip.lock.PoetryLockParser;
import dev.veritensor.rules.pip.lock.PylockParser;
import dev.veritensor.rules.pip.lock.UvLockParser;
import dev.veritensor.rules.pip.project.LockfileDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Parse throughput of the lockfile parsers on generated lockfiles of 10,000 packages
 * ({@link LockfileCorpus}), one format per {@code format} parameter:
 * <ul>
 *   <li>{@code formatOnly} — core's TOML (or, for Pipfile.lock, JSON) parsing into the neutral tree;</li>
 *   <li>{@code parse} — the whole lockfile parser: decoding, tree, packages with origins and hashes.</li>
 * </ul>
 * MB/s is the file size (printed at setup) divided by the time per operation.
 *
 * <p>Run: {@code java -jar veritensor-benchmarks/target/benchmarks.jar LockfileParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LockfileParseBenchmark {

    @Param({"poetry", "uv", "pdm", "pylock", "pipenv"})
    public String format;

    @Param({"10000"})
    public int packages;

    private Source source;
    private SourceText text;
    private DocumentParser parser;
    private final CoreFormats formats = new CoreFormats(new Limits(64L << 20, 100, 100, 10_000, 1L << 30, 4L << 30,
            200, 3), d -> { });

    @Setup
    public void setup() throws Exception {
        String content = LockfileCorpus.generate(format, packages);
        String path = LockfileCorpus.fileName(format);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        source = Source.of(path, bytes);
        text = SourceText.decode(path, bytes);
        parser = switch (format) {
            case "poetry" -> new PoetryLockParser();
            case "uv" -> new UvLockParser();
            case "pdm" -> new PdmLockParser();
            case "pylock" -> new PylockParser();
            default -> new PipfileLockParser();
        };
        List<Document> docs = parser.parse(source, new BenchContext());
        int locked = ((LockfileDocument) docs.get(0)).packages().size();
        if (locked != packages) {
            throw new IllegalStateException("parsed " + locked + " packages, generated " + packages);
        }
        System.out.printf("%n%s: %,d bytes, %,d packages%n", path, bytes.length, locked);
    }

    @Benchmark
    public void formatOnly(Blackhole bh) throws DocumentParseException {
        bh.consume(format.equals("pipenv") ? formats.json(text) : formats.toml(text));
    }

    @Benchmark
    public void parse(Blackhole bh) throws DocumentParseException, IOException {
        bh.consume(parser.parse(source, new BenchContext()));
    }

    /** The engine's services without the engine. */
    private final class BenchContext implements ParseContext {
        @Override
        public SourceText text(Source s) throws DocumentParseException {
            try {
                return SourceText.decode(s.path(), s.bytes(64L << 20));
            } catch (IOException e) {
                throw new DocumentParseException(e.getMessage(), Location.ofFile(s.path()), e);
            }
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
        }
    }
}

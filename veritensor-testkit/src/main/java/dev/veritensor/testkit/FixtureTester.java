package dev.veritensor.testkit;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ConfigException;
import dev.veritensor.core.config.ConfigLoader;
import dev.veritensor.core.config.ScanConfig;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Fixture-driven rule tests: scans a folder of fixture files with the given packs and checks that
 * the findings and diagnostics are exactly those the files announce with {@code # expect:}
 * comments (see {@link ExpectationReader}) — a missing and an extra finding both fail. Every scan
 * runs with one thread and with four, and the two results must be identical.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> fixtures() {
 *     return FixtureTester.forPacks(new MyPack()).dynamicTests(Path.of("src/test/resources/fixtures"));
 * }
 * }</pre>
 *
 * A fixture folder's {@code veritensor.toml} configures its scan, as it would for the CLI.
 */
public final class FixtureTester {

    private final List<RulePack> packs;
    private final String configText;

    private FixtureTester(List<RulePack> packs, String configText) {
        this.packs = packs;
        this.configText = configText;
    }

    /** A tester that runs only the rules of {@code packs}. */
    public static FixtureTester forPacks(RulePack... packs) {
        return new FixtureTester(List.of(packs), null);
    }

    /** A tester that uses this configuration text ({@code veritensor.toml} syntax) for every scan. */
    public FixtureTester withConfig(String toml) {
        return new FixtureTester(packs, Objects.requireNonNull(toml, "toml"));
    }

    /** Scans {@code dir} as a scan root, with one thread and with four, and checks both agree. */
    public ScanResult scan(Path dir) {
        ScanResult single = scan(dir, 1);
        ScanResult parallel = scan(dir, 4);
        if (!single.equals(parallel)) {
            throw new AssertionError("scan of " + dir + " differs between 1 and 4 threads:\n  1: "
                    + single.findings() + "\n  4: " + parallel.findings());
        }
        return single;
    }

    private ScanResult scan(Path dir, int threads) {
        try {
            ScanConfig config = configText != null
                    ? ConfigLoader.parse(dir.resolve(ConfigLoader.FILE_NAME).toString(), configText, false)
                    : ConfigLoader.discover(dir).orElse(ScanConfig.defaults());
            Scanner.Builder b = Scanner.builder().config(config).threads(threads);
            packs.forEach(b::addPack);
            return b.build().scan(dir);
        } catch (ConfigException e) {
            throw new AssertionError("fixture configuration is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks every file's expectations below {@code dir}. */
    public void assertFixtures(Path dir) {
        check(dir, null);
    }

    /**
     * Checks the expectations of one file of {@code dir} and that no other file has findings or
     * diagnostics (other files may be there to be included or to configure the scan).
     */
    public void assertFixture(Path dir, String relativePath) {
        check(dir, relativePath);
    }

    /** One dynamic test per sub-folder of {@code root}, each checked with {@link #assertFixtures(Path)}. */
    public Stream<DynamicTest> dynamicTests(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> list = dirs.filter(Files::isDirectory).sorted().toList();
            if (list.isEmpty()) {
                throw new AssertionError("no fixture folders in " + root);
            }
            return list.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> assertFixtures(d)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(Path dir, String only) {
        ScanResult result = scan(dir);
        List<Expectation> expected;
        try {
            expected = ExpectationReader.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Expectation, String> actual = new HashMap<>();
        List<Expectation> actualList = new ArrayList<>();
        for (Finding f : result.findings()) {
            Expectation e = new Expectation(f.location().path(), f.location().startLine(), f.ruleId(), false);
            actualList.add(e);
            actual.putIfAbsent(e, f.severity() + " " + f.message());
        }
        for (Diagnostic d : result.diagnostics()) {
            Expectation e = new Expectation(d.location().path(), d.location().startLine(), d.code(), true);
            actualList.add(e);
            actual.putIfAbsent(e, d.level() + " " + d.message());
        }
        if (only != null) {
            expected = expected.stream().filter(e -> e.path().equals(only)).toList();
        }
        List<Expectation> missing = new ArrayList<>(expected);
        List<Expectation> extra = new ArrayList<>();
        for (Expectation a : actualList) {
            if (!missing.remove(a)) {
                extra.add(a);
            }
        }
        missing.sort(null);
        extra.sort(null);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder sb = new StringBuilder("fixture " + dir + (only != null ? " (" + only + ")" : "")
                    + " does not match its expectations");
            for (Expectation m : missing) {
                sb.append("\n  missing:    ").append(m);
            }
            for (Expectation x : extra) {
                sb.append("\n  unexpected: ").append(x).append("  — ").append(actual.get(x));
            }
            throw new AssertionError(sb.toString());
        }
    }
}

package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.config.ConfigException;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.TextBounds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Scans one {@code *.sh} script fixture in memory with the engine, the pip pack and
 * {@link ShellFixturePack}, and checks what hostile input must never break: no script parser or
 * rule fails (the engine would report {@code parser-error} or {@code rule-error}), and every
 * finding, fix and diagnostic lies inside the text. Used by the fuzz test and the seeded
 * randomized tests.
 */
final class ScriptScanHarness {

    private static final Set<String> FAILURES = Set.of("parser-error", "rule-error");
    private static final Scanner SCANNER;

    static {
        try {
            SCANNER = Scanner.builder().addPack(new PipRulePack()).addPack(new ShellFixturePack()).threads(1).build();
        } catch (ConfigException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ScriptScanHarness() {
    }

    /** Scans {@code text} as the fixture {@code ci.sh} and checks the contract; returns the result. */
    static ScanResult check(String text) {
        ScanResult result = SCANNER.scan(List.of(Source.of("ci.sh", text.getBytes(StandardCharsets.UTF_8))));
        SourceText source = SourceText.of("ci.sh", text);
        for (Diagnostic d : result.diagnostics()) {
            if (FAILURES.contains(d.code())) {
                throw new AssertionError(d.code() + ": " + d.message() + " for input:\n" + text);
            }
            if (d.location().path().equals("ci.sh")) {
                TextBounds.assertWithin(source, d.location(), "diagnostic " + d.code());
            }
        }
        for (Finding f : result.findings()) {
            TextBounds.assertWithin(source, f);
        }
        return result;
    }
}

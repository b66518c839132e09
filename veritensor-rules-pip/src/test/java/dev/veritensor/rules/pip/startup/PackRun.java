package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import dev.veritensor.testkit.SingleDocumentRuleRunner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a pack's parsers and rules over given sources directly, without the engine: for tests of a
 * parser and its rules that must not depend on what the engine adds (such as the members it
 * offers from inside archives). Collects findings, diagnostics and the texts the parsers decoded.
 */
public final class PackRun {

    /** One reported finding. */
    public record Reported(String ruleId, Severity severity, Location location, String message) {

        /** {@code rule-id path:line}, for compact assertions. */
        public String spot() {
            return ruleId + " " + location.path() + ":" + location.startLine();
        }
    }

    /** What a run produced. */
    public record Result(List<Reported> findings, List<Diagnostic> diagnostics, Map<String, SourceText> texts) {
    }

    private PackRun() {
    }

    /** Parses every source with every parser of {@code pack} that accepts it, then runs every rule. */
    public static Result of(RulePack pack, List<Source> sources) throws IOException {
        InMemoryParseContext context = new InMemoryParseContext();
        List<Document> documents = new ArrayList<>();
        for (Source s : sources) {
            for (DocumentParser p : pack.parsers()) {
                if (p.accepts(s)) {
                    try {
                        documents.addAll(p.parse(s, context));
                    } catch (DocumentParseException e) {
                        context.report(Diagnostic.error("parse-error", e.location(), e.getMessage()));
                    }
                }
            }
        }
        List<Reported> findings = new ArrayList<>();
        for (Document d : documents) {
            for (Rule<?> r : pack.rules()) {
                for (Finding f : SingleDocumentRuleRunner.findings(r, d)) {
                    findings.add(new Reported(f.ruleId(), f.severity(), f.location(), f.message()));
                }
            }
        }
        return new Result(findings, context.diagnostics(), context.decodedTexts());
    }
}

package dev.veritensor.rules.ci.testing;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.Script;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.rules.ci.github.Expression;
import dev.veritensor.rules.ci.github.GitHubActionsFile;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.testkit.SingleDocumentRuleRunner;
import dev.veritensor.testkit.TextBounds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a parser of the CI pack, then every rule of the pack, over arbitrary bytes, and checks the
 * contract that hostile input must keep: nothing but {@link DocumentParseException} leaves a
 * parser and nothing at all leaves a rule; every location of the model, of diagnostics, findings
 * and fix edits lies inside the file; every script line marked verbatim is exactly the file's text
 * at its location. Used by the fuzz tests, the randomized tests and the hostile-input tests.
 */
public final class CiHarness {

    private static final List<Rule<?>> RULES = new CiRulePack().rules();

    /** What one run produced. */
    public record Outcome(List<Document> documents, List<Diagnostic> diagnostics, List<Finding> findings,
                          boolean rejected) {
    }

    private CiHarness() {
    }

    /** Parses {@code input} as the file {@code path} with {@code parser} and runs every rule over the result. */
    public static Outcome check(DocumentParser parser, String path, byte[] input) {
        InMemoryParseContext context = new InMemoryParseContext();
        var source = context.add(path, input);
        List<Document> documents;
        try {
            documents = parser.parse(source, context);
        } catch (DocumentParseException e) {
            return new Outcome(List.of(), context.diagnostics(), List.of(), true);
        } catch (IOException e) {
            throw new AssertionError("in-memory source failed to read", e);
        }
        SourceText text;
        try {
            text = SourceText.decode(path, input);
        } catch (DocumentParseException e) {
            throw new AssertionError("parser accepted bytes that do not decode: " + e.getMessage());
        }
        for (Diagnostic d : context.diagnostics()) {
            TextBounds.assertWithin(text, d.location(), "diagnostic " + d.code());
        }
        List<Finding> findings = new ArrayList<>();
        for (Document document : documents) {
            checkDocument(text, document);
            for (Rule<?> rule : RULES) {
                for (Finding f : SingleDocumentRuleRunner.findings(rule, document)) {
                    TextBounds.assertWithin(text, f);
                    findings.add(f);
                }
            }
        }
        return new Outcome(documents, context.diagnostics(), findings, false);
    }

    private static void checkDocument(SourceText text, Document document) {
        if (document instanceof PipelineDocument p) {
            for (Script s : p.scripts()) {
                TextBounds.assertWithin(text, s.location(), "script");
                for (Script.Line line : s.lines()) {
                    TextBounds.assertWithin(text, line.location(), "script line");
                    if (line.verbatim()) {
                        Location l = line.location();
                        String fileLine = text.line(l.startLine());
                        int from = l.startColumn() - 1;
                        if (l.endLine() != l.startLine() || from + line.text().length() > fileLine.length()
                                || !fileLine.startsWith(line.text(), from)) {
                            throw new AssertionError("verbatim script line " + line + " is not the file's text at "
                                    + l + ": '" + fileLine + "'");
                        }
                    }
                }
                for (Script.EnvVar v : s.environment()) {
                    TextBounds.assertWithin(text, v.location(), "env var");
                }
            }
            for (ImageReference i : p.images()) {
                TextBounds.assertWithin(text, i.location(), "image");
            }
            for (ConfiguredValue v : p.configuredValues()) {
                TextBounds.assertWithin(text, v.nameLocation(), "value name");
                TextBounds.assertWithin(text, v.valueLocation(), "value");
            }
        }
        if (document instanceof GitHubActionsFile g) {
            for (Expression e : g.expressions()) {
                TextBounds.assertWithin(text, e.location(), "expression");
            }
        }
    }
}

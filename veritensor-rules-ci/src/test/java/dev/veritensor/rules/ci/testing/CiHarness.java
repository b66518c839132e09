package dev.veritensor.rules.ci.testing;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.TextEdit;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.rules.ci.github.Expression;
import dev.veritensor.rules.ci.github.GitHubActionsFile;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.PipelineDocument;

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
            within(text, d.location(), "diagnostic " + d.code());
        }
        List<Finding> findings = new ArrayList<>();
        for (Document document : documents) {
            checkDocument(text, document);
            for (Rule<?> rule : RULES) {
                findings.addAll(run(rule, document, text));
            }
        }
        return new Outcome(documents, context.diagnostics(), findings, false);
    }

    private static void checkDocument(SourceText text, Document document) {
        if (document instanceof PipelineDocument p) {
            for (Script s : p.scripts()) {
                within(text, s.location(), "script");
                for (Script.Line line : s.lines()) {
                    within(text, line.location(), "script line");
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
                    within(text, v.location(), "env var");
                }
            }
            for (ImageReference i : p.images()) {
                within(text, i.location(), "image");
            }
            for (ConfiguredValue v : p.configuredValues()) {
                within(text, v.nameLocation(), "value name");
                within(text, v.valueLocation(), "value");
            }
        }
        if (document instanceof GitHubActionsFile g) {
            for (Expression e : g.expressions()) {
                within(text, e.location(), "expression");
            }
        }
    }

    private static <D> List<Finding> run(Rule<D> rule, Document document, SourceText text) {
        List<Finding> out = new ArrayList<>();
        if (!rule.documentType().isInstance(document)) {
            return out;
        }
        rule.check(rule.documentType().cast(document), new RuleContext() {
            @Override
            public RuleOptions options() {
                return RuleOptions.defaults(rule.info());
            }

            @Override
            public ProjectView project() {
                return new ProjectView() {
                    @Override
                    public <T> List<T> documents(Class<T> type) {
                        return type.isInstance(document) ? List.of(type.cast(document)) : List.of();
                    }

                    @Override
                    public InternalScope internal() {
                        return InternalScope.none();
                    }
                };
            }

            @Override
            public void report(Location location, String message, List<Fix> fixes) {
                report(rule.info().defaultSeverity(), location, message, fixes);
            }

            @Override
            public void report(Severity severity, Location location, String message, List<Fix> fixes) {
                within(text, location, "finding of " + rule.info().id());
                for (Fix f : fixes) {
                    for (TextEdit e : f.edits()) {
                        within(text, e.range(), "fix of " + rule.info().id());
                    }
                }
                out.add(new Finding(rule.info().id(), severity, message, location, fixes, ""));
            }
        });
        return out;
    }

    /** Fails unless {@code l} lies inside {@code text} (an end column may point just past a line's end). */
    public static void within(SourceText text, Location l, String what) {
        if (!l.path().equals(text.path())) {
            throw new AssertionError(what + " points into another file: " + l);
        }
        if (l.endLine() > text.lineCount()) {
            throw new AssertionError(what + " ends after the last line: " + l);
        }
        if (l.startColumn() > text.line(l.startLine()).length() + 1
                || l.endColumn() > text.line(l.endLine()).length() + 1) {
            throw new AssertionError(what + " columns run past the line: " + l);
        }
    }
}

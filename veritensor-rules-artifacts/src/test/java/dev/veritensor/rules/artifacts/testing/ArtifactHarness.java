package dev.veritensor.rules.artifacts.testing;

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
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.StructuredFormats;
import dev.veritensor.core.Limits;
import dev.veritensor.core.format.CoreFormats;
import dev.veritensor.rules.artifacts.ArtifactRulePack;
import dev.veritensor.rules.artifacts.parse.ArtifactParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the artifact parser and then every artifact rule over arbitrary bytes, and checks the
 * contract hostile input must keep: the parser throws nothing but {@link DocumentParseException},
 * the rules throw nothing, and every finding points into the scanned file. Used by the fuzz tests
 * and the seeded mutation tests.
 */
public final class ArtifactHarness {

    private static final ArtifactParser PARSER = new ArtifactParser();
    private static final List<Rule<?>> RULES = new ArtifactRulePack().rules();

    private ArtifactHarness() {
    }

    /** Parses {@code input} as {@code path} and runs every rule; returns the findings' messages. */
    public static List<String> check(String path, byte[] input) {
        Source source = Source.of(path, input);
        List<Diagnostic> diagnostics = new ArrayList<>();
        StructuredFormats formats = new CoreFormats(Limits.DEFAULTS, diagnostics::add);
        ParseContext context = new ParseContext() {
            @Override
            public SourceText text(Source s) throws DocumentParseException {
                try {
                    return SourceText.decode(s.path(), s.bytes(Limits.DEFAULTS.maxTextFileSize()));
                } catch (IOException e) {
                    throw new DocumentParseException(e.getMessage(), Location.ofFile(s.path()));
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
                diagnostics.add(diagnostic);
            }
        };
        List<Document> documents;
        try {
            if (!PARSER.accepts(source)) {
                return List.of();
            }
            documents = PARSER.parse(source, context);
        } catch (DocumentParseException e) {
            return List.of();
        } catch (IOException e) {
            throw new AssertionError("reading an in-memory source failed", e);
        }
        List<String> findings = new ArrayList<>();
        for (Document d : documents) {
            for (Rule<?> rule : RULES) {
                run(rule, d, path, findings);
            }
        }
        return findings;
    }

    private static <D> void run(Rule<D> rule, Document document, String path, List<String> findings) {
        if (!rule.documentType().isInstance(document)) {
            return;
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
                        return List.of();
                    }

                    @Override
                    public InternalScope internal() {
                        throw new UnsupportedOperationException("artifact rules do not read project settings");
                    }
                };
            }

            @Override
            public void report(Location location, String message, List<Fix> fixes) {
                report(rule.info().defaultSeverity(), location, message, fixes);
            }

            @Override
            public void report(Severity severity, Location location, String message, List<Fix> fixes) {
                if (!location.path().equals(path)) {
                    throw new AssertionError("finding outside the file: " + location);
                }
                findings.add(rule.info().id() + " " + message);
            }
        });
    }
}

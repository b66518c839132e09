package dev.veritensor.testkit;

import dev.veritensor.api.Document;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one rule on one parsed document without the engine, for parser and robustness tests that
 * feed a pack's rules directly: the rule gets its default options and a project made of that
 * document alone, with no internal packages. Returns what it reported, in order, with its default or
 * reported severity and an empty fingerprint; a document of another type yields nothing.
 */
public final class SingleDocumentRuleRunner {

    private SingleDocumentRuleRunner() {
    }

    /** The findings {@code rule} reports on {@code document}. */
    public static List<Finding> findings(Rule<?> rule, Document document) {
        List<Finding> out = new ArrayList<>();
        check(rule, document, out);
        return out;
    }

    private static <D> void check(Rule<D> rule, Document document, List<Finding> out) {
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
                out.add(new Finding(rule.info().id(), severity, message, location, fixes, ""));
            }
        });
    }
}

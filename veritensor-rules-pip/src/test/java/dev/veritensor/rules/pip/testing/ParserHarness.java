package dev.veritensor.rules.pip.testing;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.TextEdit;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.rules.pip.model.NamesIndexOptions;
import dev.veritensor.rules.pip.requirements.FileReference;
import dev.veritensor.rules.pip.requirements.RequirementsDocument;
import dev.veritensor.testkit.SingleDocumentRuleRunner;
import dev.veritensor.testkit.TextBounds;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs a parser of this pack, and then every rule of the pack, over arbitrary bytes, and checks the
 * contract hostile input must keep: nothing but {@link DocumentParseException} comes out of the
 * parser, nothing at all out of the rules, and every location in documents, diagnostics, findings
 * and fixes lies inside the text it points into. Used by the fuzz tests and the seeded randomized
 * tests.
 */
public final class ParserHarness {

    private static final List<Rule<?>> RULES = new PipRulePack().rules();

    private ParserHarness() {
    }

    /**
     * Parses {@code input} as the file {@code path} with {@code parser}; the same bytes are also
     * available as {@code other.txt} and {@code constraints.txt}, so include lines resolve and may
     * form cycles.
     */
    public static void check(DocumentParser parser, String path, byte[] input) {
        InMemoryParseContext context = new InMemoryParseContext(1 << 22);
        Source source = context.add(path, input);
        context.add("other.txt", input);
        context.add("constraints.txt", input);
        List<Document> documents;
        try {
            documents = parser.parse(source, context);
        } catch (DocumentParseException e) {
            return;
        } catch (IOException e) {
            throw new AssertionError("in-memory source failed to read", e);
        }
        SourceText text;
        try {
            text = SourceText.decode(path, input);
        } catch (DocumentParseException e) {
            throw new AssertionError("parser accepted text that does not decode: " + e.getMessage());
        }
        Map<String, SourceText> texts = Map.of(path, text, "other.txt", SourceText.of("other.txt", text.content()),
                "constraints.txt", SourceText.of("constraints.txt", text.content()));
        for (Diagnostic d : context.diagnostics()) {
            assertWithin(texts, d.location(), "diagnostic " + d.code());
        }
        for (Document document : documents) {
            checkDocument(texts, document);
            for (Rule<?> rule : RULES) {
                for (Finding f : SingleDocumentRuleRunner.findings(rule, document)) {
                    assertWithin(texts, f.location(), f.ruleId());
                    for (Fix fix : f.fixes()) {
                        for (TextEdit e : fix.edits()) {
                            assertWithin(texts, e.range(), f.ruleId() + " fix");
                        }
                    }
                }
            }
        }
    }

    private static void checkDocument(Map<String, SourceText> texts, Document document) {
        if (document instanceof DeclaresDependencies deps) {
            for (Dependency d : deps.dependencies()) {
                assertWithin(texts, d.location(), "dependency");
                assertWithin(texts, d.nameLocation(), "dependency name");
            }
        }
        if (document instanceof ConfiguresIndexes indexes) {
            for (IndexSetting s : indexes.indexSettings()) {
                assertWithin(texts, s.location(), "index setting");
                if (document instanceof NamesIndexOptions named) {
                    named.optionName(s).ifPresent(l -> assertWithin(texts, l, "option name"));
                }
            }
        }
        if (document instanceof RequirementsDocument r) {
            for (FileReference ref : r.references()) {
                assertWithin(texts, ref.location(), "file reference");
            }
            r.requireHashes().ifPresent(l -> assertWithin(texts, l, "--require-hashes"));
        }
    }

    /** Fails unless {@code location} lies inside the text of its file. */
    public static void assertWithin(Map<String, SourceText> texts, Location location, String what) {
        SourceText text = texts.get(location.path());
        if (text == null) {
            throw new AssertionError(what + " points into unknown file " + location);
        }
        TextBounds.assertWithin(text, location, what);
    }
}

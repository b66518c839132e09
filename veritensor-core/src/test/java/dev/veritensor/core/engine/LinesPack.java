package dev.veritensor.core.engine;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny pack for engine tests. {@code *.lines} files hold one word per line; {@code include X}
 * includes another file; the rule {@code lines/bad-word} reports every line containing {@code bad}
 * (the option {@code word} changes the word) and offers a fix; {@code boom} makes the rule throw;
 * {@code #} starts a comment.
 */
final class LinesPack implements RulePack {

    record Line(String text, Location location) { }

    record LinesDocument(Source source, List<Line> lines) implements Document {
        @Override
        public String kind() {
            return "lines";
        }
    }

    static final class LinesParser implements DocumentParser {
        @Override
        public String id() {
            return "lines/lines";
        }

        @Override
        public boolean accepts(Source source) {
            return source.fileName().endsWith(".lines");
        }

        @Override
        public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
            SourceText text = context.text(source);
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i <= text.lineCount(); i++) {
                String l = text.line(i);
                int hash = l.indexOf('#');
                l = hash >= 0 ? l.substring(0, hash) : l;
                if (l.startsWith("include ")) {
                    context.include(source, l.substring(8).trim(), text.lineSpan(i));
                } else if (l.equals("syntax-error")) {
                    throw new DocumentParseException("bad syntax", text.lineSpan(i));
                } else if (!l.isBlank()) {
                    lines.add(new Line(l, text.lineSpan(i)));
                }
            }
            return List.of(new LinesDocument(source, lines));
        }
    }

    static final class BadWordRule implements Rule<LinesDocument> {
        static final RuleInfo INFO = RuleInfo.builder("lines/bad-word")
                .title("Bad word").severity(Severity.HIGH)
                .description("A line holds the bad word.").remediation("Remove it.")
                .tags("CWE-20")
                .option(new RuleOption("word", RuleOption.Type.STRING, "bad", "the word to look for"))
                .build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public Class<LinesDocument> documentType() {
            return LinesDocument.class;
        }

        @Override
        public void check(LinesDocument document, RuleContext context) {
            String word = context.options().string("word");
            for (Line l : document.lines()) {
                if (l.text().equals("boom")) {
                    throw new IllegalStateException("boom");
                }
                if (l.text().contains(word)) {
                    context.report(l.location(), "line says " + l.text(),
                            List.of(Fix.replace("drop the word", l.location(), "")));
                }
            }
        }
    }

    static final class LowRule implements Rule<LinesDocument> {
        @Override
        public RuleInfo info() {
            return RuleInfo.builder("lines/meh").title("Meh").severity(Severity.LOW)
                    .description("A line says meh.").remediation("Say something else.").build();
        }

        @Override
        public Class<LinesDocument> documentType() {
            return LinesDocument.class;
        }

        @Override
        public void check(LinesDocument document, RuleContext context) {
            for (Line l : document.lines()) {
                if (l.text().contains("meh")) {
                    context.report(l.location(), "meh");
                }
            }
        }
    }

    @Override
    public String id() {
        return "lines";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new LinesParser());
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of(new BadWordRule(), new LowRule());
    }
}

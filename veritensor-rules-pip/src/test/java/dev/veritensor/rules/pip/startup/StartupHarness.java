package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.python.PyBlock;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyKeyBinding;
import dev.veritensor.rules.pip.python.PyReference;
import dev.veritensor.rules.pip.python.PyStatement;
import dev.veritensor.rules.pip.python.PyToken;
import dev.veritensor.rules.pip.python.PyTokenType;
import dev.veritensor.rules.pip.python.PyTokenizer;
import dev.veritensor.rules.pip.rules.ExecutablePthRule;
import dev.veritensor.rules.pip.rules.SetupInstallHookRule;
import dev.veritensor.rules.pip.rules.StartupHookRule;
import dev.veritensor.rules.pip.rules.WheelRecordMismatchRule;
import dev.veritensor.rules.pip.setuppy.InstallTimeCode;
import dev.veritensor.rules.pip.setuppy.SetupScriptDocument;
import dev.veritensor.rules.pip.setuppy.SetupScriptParser;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import dev.veritensor.rules.pip.testing.ParserHarness;
import dev.veritensor.rules.pip.wheel.RecordParser;
import dev.veritensor.rules.pip.wheel.RecordRow;
import dev.veritensor.rules.pip.wheel.WheelDocument;
import dev.veritensor.rules.pip.wheel.WheelParser;
import dev.veritensor.rules.pip.wheel.WheelRecord;
import dev.veritensor.testkit.SingleDocumentRuleRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract hostile input must keep for the start-up and install-hook parsers and rules: nothing
 * escapes but {@link DocumentParseException}, tokens come in order and end with the end marker,
 * their number stays linear in the input, and every location of tokens, statements, references,
 * RECORD rows, diagnostics and findings lies inside the text it points into. Used by the fuzz tests
 * and the seeded randomized tests.
 */
final class StartupHarness {

    private StartupHarness() {
    }

    /** Tokenizes and reads arbitrary text as Python, then runs the install-hook analysis and rule on it. */
    static void pythonCode(byte[] input) {
        String code = new String(input, StandardCharsets.UTF_8);
        if (code.startsWith("\uFEFF")) {
            code = code.substring(1);
        }
        SourceText text = SourceText.of("setup.py", code);
        Map<String, SourceText> texts = Map.of("setup.py", text);
        int count = 0;
        PyToken previous = null;
        PyTokenizer tokenizer = PyTokenizer.of("setup.py", code);
        while (tokenizer.hasNext()) {
            PyToken t = tokenizer.next();
            ParserHarness.assertWithin(texts, t.location(), "token " + t.type());
            if (previous != null && t.location().compareTo(previous.location()) < 0
                    && t.type() != PyTokenType.DEDENT && t.type() != PyTokenType.ENDMARKER) {
                throw new AssertionError("token " + t + " before " + previous);
            }
            previous = t.type() == PyTokenType.DEDENT ? previous : t;
            if (++count > 3 * code.length() + 16) {
                throw new AssertionError("more tokens than the input can hold: " + count);
            }
            if (!tokenizer.hasNext() && t.type() != PyTokenType.ENDMARKER) {
                throw new AssertionError("last token is " + t.type());
            }
        }
        PyCode read = PyCodeReader.read(PyTokenizer.of("setup.py", code));
        for (PyBlock b : read.blocks()) {
            ParserHarness.assertWithin(texts, b.header(), "block header");
            for (PyStatement s : b.statements()) {
                ParserHarness.assertWithin(texts, s.location(), "statement");
                for (PyReference r : s.references()) {
                    ParserHarness.assertWithin(texts, r.location(), "reference " + r.name());
                }
                for (PyKeyBinding k : s.keyBindings()) {
                    ParserHarness.assertWithin(texts, k.location(), "key binding");
                }
            }
        }
        InstallTimeCode.of(read);
        run(new SetupInstallHookRule(), new SetupScriptDocument(Source.of("setup.py", input), read), texts);
    }

    /** Parses arbitrary bytes as a setup.py through the parser, as the engine would. */
    static void setupScript(byte[] input) {
        parseAndCheck(new SetupScriptParser(), "setup.py", input, lenientText("setup.py", input, false));
    }

    /** Parses arbitrary bytes as a .pth file and runs the rule. */
    static void pth(byte[] input) {
        parseAndCheck(new PthFileParser(), "hook.pth", input, lenientText("hook.pth", input, true));
    }

    /** Parses arbitrary text as a wheel RECORD. */
    static void record(byte[] input) {
        SourceText text;
        try {
            text = SourceText.decode("x.whl!/x-1.dist-info/RECORD", input);
        } catch (DocumentParseException e) {
            return;
        }
        Map<String, SourceText> texts = Map.of(text.path(), text);
        List<Diagnostic> diagnostics = new ArrayList<>();
        WheelRecord record = RecordParser.parse(text, "x-1.dist-info/RECORD", diagnostics::add);
        for (Diagnostic d : diagnostics) {
            ParserHarness.assertWithin(texts, d.location(), "diagnostic " + d.code());
        }
        for (RecordRow row : record.rows()) {
            ParserHarness.assertWithin(texts, row.location(), "row");
            row.sizeValue();
            row.digest();
        }
    }

    /** Parses arbitrary bytes as a wheel and runs the wheel rules. */
    static void wheel(byte[] input) {
        InMemoryParseContext context = new InMemoryParseContext();
        Map<String, SourceText> texts = context.decodedTexts();
        Source source = Source.of("dist/x-1.0-py3-none-any.whl", input);
        List<Document> documents;
        try {
            if (!new WheelParser().accepts(source)) {
                return;
            }
            documents = new WheelParser().parse(source, context);
        } catch (DocumentParseException e) {
            return;
        } catch (IOException e) {
            throw new AssertionError("in-memory source failed to read", e);
        }
        for (Diagnostic d : context.diagnostics()) {
            if (texts.containsKey(d.location().path())) {
                ParserHarness.assertWithin(texts, d.location(), "diagnostic " + d.code());
            }
        }
        for (Document d : documents) {
            WheelDocument w = (WheelDocument) d;
            run(new WheelRecordMismatchRule(), w, texts);
            run(new StartupHookRule(), w, texts);
        }
    }

    /** The text a parser reading Python files sees: strict UTF-8, else the fallback it uses. */
    private static SourceText lenientText(String path, byte[] input, boolean pth) {
        try {
            return SourceText.decode(path, input);
        } catch (DocumentParseException e) {
            return pth ? SourceText.of(path, new String(input, StandardCharsets.ISO_8859_1)) : null;
        }
    }

    private static void parseAndCheck(dev.veritensor.api.DocumentParser parser, String path, byte[] input,
                                      SourceText decoded) {
        InMemoryParseContext context = new InMemoryParseContext();
        Source source = context.add(path, input);
        List<Document> documents;
        try {
            documents = parser.parse(source, context);
        } catch (DocumentParseException e) {
            return;
        } catch (IOException e) {
            throw new AssertionError("in-memory source failed to read", e);
        }
        if (decoded == null) {
            if (!documents.isEmpty() && !(documents.get(0) instanceof SetupScriptDocument)) {
                throw new AssertionError("parser accepted text that does not decode");
            }
            return; // a PEP 263 declaration decoded it; locations are checked by the text tests
        }
        Map<String, SourceText> texts = Map.of(path, decoded);
        for (Diagnostic d : context.diagnostics()) {
            ParserHarness.assertWithin(texts, d.location(), "diagnostic " + d.code());
        }
        for (Document d : documents) {
            if (d instanceof PthDocument pth) {
                for (PthLine line : pth.lines()) {
                    ParserHarness.assertWithin(texts, line.location(), "pth line");
                    for (PthCode code : line.code()) {
                        ParserHarness.assertWithin(texts, code.location(), "pth code");
                        code.references().forEach(r -> ParserHarness.assertWithin(texts, r.location(), "pth reference"));
                    }
                }
                run(new ExecutablePthRule(), pth, texts);
            } else if (d instanceof SetupScriptDocument setup) {
                run(new SetupInstallHookRule(), setup, texts);
            }
        }
    }

    private static void run(Rule<?> rule, Document document, Map<String, SourceText> texts) {
        for (Finding f : SingleDocumentRuleRunner.findings(rule, document)) {
            Location l = f.location();
            if (!(l.startLine() == 1 && l.startColumn() == 1 && l.endLine() == 1 && l.endColumn() == 1)) {
                ParserHarness.assertWithin(texts, l, f.ruleId()); // whole-file locations are fine anywhere
            }
        }
    }
}

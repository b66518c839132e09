package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.model.PythonWhitespace;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyTokenizer;
import dev.veritensor.rules.pip.python.PythonText;
import dev.veritensor.rules.pip.wheel.ArchiveMember;
import dev.veritensor.rules.pip.wheel.WheelLayout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code *.pth} files ({@code pip/pth}) the way every supported version of {@code site.py}
 * does, and keeps the union of what they execute:
 * <ul>
 *   <li>lines are those of universal newlines ({@code \n}, {@code \r\n}, {@code \r}); Python 3.13
 *       and later split with {@code str.splitlines()}, which also breaks at {@code \v}, {@code \f},
 *       U+001C–U+001E, U+0085, U+2028 and U+2029, so code hidden behind such a character in what
 *       looks like a comment still runs there;</li>
 *   <li>a line starting with {@code #} is a comment, a blank line is skipped, a line starting
 *       exactly with {@code import} followed by a space or tab is passed to {@code exec()}, and any
 *       other line is a {@code sys.path} entry; Python 3.15 (PEP 829) strips each line first, so
 *       there an indented {@code import} line runs too;</li>
 *   <li>text that is not UTF-8 is still read (site.py falls back to the locale encoding).</li>
 * </ul>
 * Inside a wheel only the files installed directly into site-packages are read (the root and the
 * {@code .data/purelib}, {@code .data/platlib} folders, see {@link WheelLayout}): elsewhere site.py
 * never sees them. In the repository and in sdists every {@code .pth} file is read, since build
 * code can install it anywhere, except PyTorch checkpoints saved under the same extension (a zip
 * archive or a binary pickle), which the artifact rules read. The executed code is read with
 * {@link PyCodeReader}, never run.
 */
public final class PthFileParser implements DocumentParser {

    private static final String EXTRA_BREAKS = "\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";

    @Override
    public String id() {
        return "pip/pth";
    }

    @Override
    public boolean accepts(Source source) throws IOException {
        if (!source.fileName().endsWith(".pth")) {
            return false;
        }
        Optional<ArchiveMember> member = ArchiveMember.of(source.path());
        if (member.isPresent() && member.get().inWheel()) {
            return WheelLayout.isInstalledAtSitePackagesRoot(member.get().member());
        }
        return !isPyTorchCheckpoint(source.head(4));
    }

    /**
     * Whether a file starts as a PyTorch checkpoint does ({@code torch.save} names them {@code .pth}
     * too): a zip archive or a binary pickle. Outside a wheel's site-packages root such a file is a
     * model, left to the artifact rules, not a start-up file.
     */
    private static boolean isPyTorchCheckpoint(byte[] head) {
        boolean pickle = head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
        return pickle || ArchiveListing.startsLikeZip(head);
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException {
        SourceText text = PythonText.pth(source, context);
        List<PthLine> lines = new ArrayList<>(text.lineCount());
        for (int n = 1; n <= text.lineCount(); n++) {
            lines.add(line(text, n));
        }
        return List.of(new PthDocument(source, ArchiveMember.of(source.path()), lines));
    }

    private static PthLine line(SourceText text, int n) {
        String line = text.line(n);
        List<PthCode> code = new ArrayList<>();
        boolean whole = startsWithImport(line, 0);
        if (whole) {
            code.add(code(text, n, 0, line.length(), PthCode.Since.ALL_VERSIONS));
        }
        int segmentStart = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i < line.length() && EXTRA_BREAKS.indexOf(line.charAt(i)) < 0) {
                continue;
            }
            if (segmentStart > 0 && startsWithImport(line, segmentStart)) {
                code.add(code(text, n, segmentStart, i, PthCode.Since.PYTHON_3_13));
            } else if (!(segmentStart == 0 && whole)) {
                int s = PythonWhitespace.skip(line, segmentStart, i);
                if (s > segmentStart && startsWithImport(line, s)) {
                    code.add(code(text, n, s, i, PthCode.Since.PYTHON_3_15));
                }
            }
            segmentStart = i + 1;
        }
        PthLine.Kind kind;
        int first = PythonWhitespace.skip(line, 0, line.length());
        if (!code.isEmpty()) {
            kind = PthLine.Kind.EXECUTED;
        } else if (first == line.length()) {
            kind = PthLine.Kind.BLANK;
        } else if (line.charAt(first) == '#') {
            kind = PthLine.Kind.COMMENT;
        } else {
            kind = PthLine.Kind.PATH;
        }
        return new PthLine(n, kind, line, text.lineSpan(n), code);
    }

    private static boolean startsWithImport(String line, int at) {
        return line.startsWith("import ", at) || line.startsWith("import\t", at);
    }

    private static PthCode code(SourceText text, int n, int from, int to, PthCode.Since since) {
        String line = text.line(n);
        int end = PythonWhitespace.trimEnd(line, from, to);
        String code = line.substring(from, end);
        Location at = Location.ofLine(text.path(), n, from + 1, end + 1);
        return new PthCode(code, at, since,
                PyCodeReader.read(PyTokenizer.of(text.path(), code, n, from + 1)).references());
    }
}

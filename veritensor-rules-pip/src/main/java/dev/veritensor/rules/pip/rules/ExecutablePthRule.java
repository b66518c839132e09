package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.python.PyCapabilities;
import dev.veritensor.rules.pip.python.PyCapability;
import dev.veritensor.rules.pip.python.PyReference;
import dev.veritensor.rules.pip.startup.KnownPthLines;
import dev.veritensor.rules.pip.startup.PthCode;
import dev.veritensor.rules.pip.startup.PthDocument;
import dev.veritensor.rules.pip.startup.PthLine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code pip/executable-pth}: a line of a {@code .pth} file that Python's {@code site.py} executes
 * at every interpreter start (see {@link dev.veritensor.rules.pip.startup.PthFileParser} for which
 * lines that is). HIGH; CRITICAL when the code executes dynamic code, decodes a payload, spawns a
 * process or reaches the network. The lines packaging tools write themselves are not reported
 * (see {@link KnownPthLines}).
 */
public final class ExecutablePthRule implements Rule<PthDocument> {

    private static final Set<PyCapability> CRITICAL = EnumSet.of(PyCapability.CODE_EXECUTION,
            PyCapability.PAYLOAD_DECODING, PyCapability.PROCESS, PyCapability.NETWORK);
    private static final int MAX_SNIPPET = 120;

    static final RuleInfo INFO = RuleInfo.builder("pip/executable-pth")
            .title("Code in a .pth file runs at every Python start-up")
            .severity(Severity.HIGH)
            .description("site.py executes every line of a .pth file in site-packages that starts with 'import',"
                    + " each time any Python process starts — before the program, in every tool and test run of the"
                    + " environment. A wheel that installs such a line, or a repository or sdist that carries one,"
                    + " gets persistent code execution without anything ever importing the package. Graded critical"
                    + " when the line executes dynamic code, decodes a payload, spawns a process or reaches the"
                    + " network.")
            .remediation("Remove the executable line; a .pth file should only list directories. Package start-up"
                    + " work belongs in an explicit import or an entry point. If the line is a legitimate tool hook,"
                    + " review the module it imports and suppress the finding with a reason.")
            .tags("security", "supply-chain", "persistence", "CWE-94", "CWE-506")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<PthDocument> documentType() {
        return PthDocument.class;
    }

    @Override
    public void check(PthDocument document, RuleContext context) {
        for (PthLine line : document.executedLines()) {
            if (KnownPthLines.recognise(document, line).isPresent()) {
                continue;
            }
            Set<PyCapability> capabilities = EnumSet.noneOf(PyCapability.class);
            for (PthCode code : line.code()) {
                for (PyReference ref : code.references()) {
                    PyCapabilities.of(ref).ifPresent(capabilities::add);
                }
            }
            PthCode first = line.code().get(0);
            boolean critical = capabilities.stream().anyMatch(CRITICAL::contains);
            StringBuilder message = new StringBuilder("site.py executes this line at every Python start-up");
            if (!capabilities.isEmpty()) {
                message.append("; it ").append(capabilities.stream().map(PyCapability::description)
                        .collect(Collectors.joining(", ")));
            }
            message.append(": ").append(snippet(line.code()));
            if (first.since() != PthCode.Since.ALL_VERSIONS) {
                message.append(" (runs on ").append(first.since().description()).append(')');
            }
            document.archive().ifPresent(a -> message.append(" [in ").append(a.archiveName()).append(']'));
            context.report(critical ? Severity.CRITICAL : Severity.HIGH, first.location(), message.toString(), List.of());
        }
    }

    private static String snippet(List<PthCode> code) {
        String text = code.stream().map(PthCode::text).collect(Collectors.joining(" … "));
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(text.length(), MAX_SNIPPET);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown < text.length() ? sb + "…" : sb.toString();
    }
}

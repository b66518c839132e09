package dev.veritensor.testkit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the expectations written in fixture files.
 *
 * <ul>
 *   <li>{@code # expect: rule-id[, rule-id…]} — findings starting on this line (an id twice means
 *       two findings); nothing but ids may follow the marker, except another {@code #} comment;</li>
 *   <li>{@code # expect-next-line: rule-id…} — findings starting on the next line, for lines that
 *       cannot carry a trailing comment;</li>
 *   <li>{@code # expect-diagnostic: code…} and {@code # expect-diagnostic-next-line: code…} — the
 *       same for diagnostics;</li>
 *   <li>a sidecar {@code <file>.expect} for files that cannot hold comments (JSON, binaries): one
 *       expectation per line, {@code 12: rule-id} or {@code 12: diagnostic code}; a member of an
 *       archive is named before the line, {@code !/pkg/__init__.py:3: rule-id} (the scan path
 *       {@code <file>!/pkg/__init__.py}); {@code #} starts a comment.</li>
 * </ul>
 */
public final class ExpectationReader {

    /** Suffix of sidecar expectation files. */
    public static final String SIDECAR = ".expect";

    private static final String ID = "[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?";
    /** The marker, then only a comma-separated list of ids (text such as prose mentioning the syntax is not one). */
    private static final Pattern MARK = Pattern.compile(
            "#\\s*expect(-diagnostic)?(-next-line)?:\\s*(" + ID + "(?:\\s*,\\s*" + ID + ")*)\\s*(?:#.*)?$");
    private static final Pattern SIDECAR_LINE =
            Pattern.compile("\\s*(?:(!/[^\\s:]+):)?(\\d+)\\s*:\\s*(diagnostic\\s+)?(\\S+)\\s*");

    private ExpectationReader() {
    }

    /** Every expectation in the files below {@code root} (VCS folders skipped). */
    public static List<Expectation> read(Path root) throws IOException {
        List<Expectation> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = relative(root, f);
                if (rel.startsWith(".git/") || rel.contains("/.git/")) {
                    continue;
                }
                if (rel.endsWith(SIDECAR)) {
                    out.addAll(readSidecar(f, rel.substring(0, rel.length() - SIDECAR.length())));
                } else {
                    out.addAll(readInline(f, rel));
                }
            }
        }
        out.sort(null);
        return out;
    }

    static String relative(Path root, Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static List<Expectation> readInline(Path file, String rel) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return List.of(); // binary fixtures use sidecars
        }
        List<Expectation> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARK.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            boolean diagnostic = m.group(1) != null;
            int line = i + 1 + (m.group(2) != null ? 1 : 0);
            for (String id : m.group(3).split(",")) {
                out.add(new Expectation(rel, line, id.trim(), diagnostic));
            }
        }
        return out;
    }

    private static List<Expectation> readSidecar(Path file, String target) throws IOException {
        List<Expectation> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            if (l.isBlank()) {
                continue;
            }
            Matcher m = SIDECAR_LINE.matcher(l);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected '[!/member:]<line>: <rule-id>' or '[!/member:]<line>: diagnostic <code>'");
            }
            String path = m.group(1) == null ? target : target + m.group(1);
            out.add(new Expectation(path, Integer.parseInt(m.group(2)), m.group(4), m.group(3) != null));
        }
        return out;
    }
}

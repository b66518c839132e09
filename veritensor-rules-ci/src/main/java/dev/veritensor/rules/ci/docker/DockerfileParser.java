package dev.veritensor.rules.ci.docker;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Dockerfiles and Containerfiles ({@code Dockerfile}, {@code Dockerfile.gpu},
 * {@code train.Dockerfile}, {@code Containerfile}): the {@code escape} parser directive,
 * instructions with their continuation lines (comment and blank lines inside a continuation are
 * dropped, as the builder does), BuildKit here-documents ({@code RUN <<EOF}), shell and JSON (exec)
 * forms, stages with their names, {@code ENV} and {@code ARG} values, and {@code ARG} substitution
 * in {@code FROM}.
 *
 * <p>Each {@code RUN} becomes a script whose lines are the file's lines (the first from the
 * command's column), so the shell sees the same continuations the builder passes it; a
 * {@code RUN <<EOF} here-document is the script itself.
 */
public final class DockerfileParser implements DocumentParser {

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z]+)\\s*=\\s*(\\S*)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(?!<)(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh");

    @Override
    public String id() {
        return "ci/dockerfile";
    }

    @Override
    public boolean accepts(Source source) {
        String name = source.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".dockerignore") || lower.endsWith(".md") || lower.endsWith(".txt")) {
            return false;
        }
        return lower.equals("dockerfile") || lower.equals("containerfile") || lower.endsWith(".dockerfile")
                || lower.startsWith("dockerfile.") || lower.startsWith("containerfile.");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        return List.of(new Reader(source, context.text(source)).read());
    }

    /** An instruction's text with continuation lines joined, each character mapped to the file. */
    private record Logical(String text, int[] lines, int[] columns) {

        Location locate(String path, int from, int to) {
            if (lines.length == 0) {
                return Location.ofFile(path);
            }
            int a = Math.min(from, lines.length - 1);
            int b = Math.max(a, Math.min(to, lines.length) - 1);
            if (lines[b] != lines[a]) {
                b = a;
                while (b + 1 < lines.length && lines[b + 1] == lines[a]) {
                    b++;
                }
            }
            return Location.ofLine(path, lines[a], columns[a], columns[b] + 1);
        }
    }

    /** A word of an instruction's arguments. */
    private record Token(String text, int start, int end) {
    }

    /** State of one parse. */
    private static final class Reader {
        private final Source source;
        private final SourceText text;
        private final String path;
        private char escape = '\\';

        private final List<DockerStage> stages = new ArrayList<>();
        private final List<ImageReference> images = new ArrayList<>();
        private final List<ConfiguredValue> configured = new ArrayList<>();
        private final Map<String, String> globalArgs = new HashMap<>();
        private final Set<String> stageNames = new HashSet<>();

        private int stageIndex = -1;
        private Optional<String> stageName = Optional.empty();
        private Location stageLocation;
        private List<DockerInstruction> stageInstructions = new ArrayList<>();
        private List<Script.EnvVar> stageEnv = new ArrayList<>();
        private final List<ScriptedJob> scriptedJobs = new ArrayList<>();

        Reader(Source source, SourceText text) {
            this.source = source;
            this.text = text;
            this.path = source.path();
        }

        Dockerfile read() {
            int n = text.lineCount();
            int i = directives();
            while (i <= n) {
                String line = text.line(i);
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    i++;
                    continue;
                }
                i = instruction(i) + 1;
            }
            closeStage();
            return new Dockerfile(source, stages, scriptedJobs, PipelineDocument.distinctScripts(scriptedJobs),
                    images, configured);
        }

        /** Reads the parser directives at the top; returns the first line after them. */
        private int directives() {
            int i = 1;
            while (i <= text.lineCount()) {
                Matcher m = DIRECTIVE.matcher(text.line(i).strip());
                if (!m.matches()) {
                    break;
                }
                if (m.group(1).equalsIgnoreCase("escape") && m.group(2).equals("`")) {
                    escape = '`';
                }
                i++;
            }
            return i;
        }

        private boolean continues(String line) {
            String r = line.stripTrailing();
            return !r.isEmpty() && r.charAt(r.length() - 1) == escape;
        }

        /** Reads the instruction starting on line {@code first}; returns its last line. */
        private int instruction(int first) {
            String firstLine = text.line(first);
            int kwStart = 0;
            while (kwStart < firstLine.length() && Character.isWhitespace(firstLine.charAt(kwStart))) {
                kwStart++;
            }
            int kwEnd = kwStart;
            while (kwEnd < firstLine.length() && !Character.isWhitespace(firstLine.charAt(kwEnd))) {
                kwEnd++;
            }
            String keyword = firstLine.substring(kwStart, kwEnd).toUpperCase(Locale.ROOT);

            List<Integer> physical = new ArrayList<>();
            physical.add(first);
            int last = first;
            boolean cont = continues(firstLine);
            while (cont && last < text.lineCount()) {
                last++;
                String l = text.line(last);
                if (l.isBlank() || l.strip().startsWith("#")) {
                    continue;
                }
                physical.add(last);
                cont = continues(l);
            }
            Logical logical = logical(physical, kwEnd);

            List<Integer> body = new ArrayList<>();
            int terminator = -1;
            if (HEREDOC_INSTRUCTIONS.contains(keyword)) {
                Matcher m = HEREDOC.matcher(logical.text());
                while (m.find()) {
                    boolean stripTabs = !m.group(1).isEmpty();
                    String delimiter = m.group(3);
                    while (last < text.lineCount()) {
                        last++;
                        String l = stripTabs ? text.line(last).replaceFirst("^\t+", "") : text.line(last);
                        if (l.equals(delimiter)) {
                            terminator = last;
                            break;
                        }
                        body.add(last);
                    }
                }
            }
            int endLine = last;
            Location location = new Location(path, first, kwStart + 1, endLine, text.line(endLine).length() + 1);
            handle(keyword, logical, physical, body, terminator, location);
            return endLine;
        }

        private Logical logical(List<Integer> physical, int firstColumn) {
            StringBuilder sb = new StringBuilder();
            List<int[]> map = new ArrayList<>();
            for (int k = 0; k < physical.size(); k++) {
                int lineNo = physical.get(k);
                String l = text.line(lineNo);
                int from = k == 0 ? firstColumn : 0;
                int to = l.length();
                if (continues(l)) {
                    to = l.stripTrailing().length() - 1;
                }
                for (int c = from; c < Math.max(from, to); c++) {
                    sb.append(l.charAt(c));
                    map.add(new int[] {lineNo, c + 1});
                }
            }
            int[] lines = new int[map.size()];
            int[] columns = new int[map.size()];
            for (int k = 0; k < map.size(); k++) {
                lines[k] = map.get(k)[0];
                columns[k] = map.get(k)[1];
            }
            return new Logical(sb.toString(), lines, columns);
        }

        private void handle(String keyword, Logical logical, List<Integer> physical, List<Integer> body,
                            int terminator, Location location) {
            List<Token> words = tokens(logical.text());
            List<String> flags = new ArrayList<>();
            int argStart = 0;
            while (argStart < words.size() && words.get(argStart).text().startsWith("--")) {
                flags.add(words.get(argStart).text());
                argStart++;
            }
            List<Token> args = words.subList(argStart, words.size());
            int commandOffset = args.isEmpty() ? logical.text().length() : args.get(0).start();
            switch (keyword) {
                case "FROM" -> from(args, logical, location);
                case "ARG" -> arg(args, logical);
                case "ENV" -> env(args, logical);
                default -> {
                    if (stageIndex < 0) {
                        return;
                    }
                    Optional<ParsedScript> script = keyword.equals("RUN")
                            ? runScript(logical, commandOffset, physical, body, terminator, location)
                            : Optional.empty();
                    List<String> arguments = args.stream().map(Token::text).toList();
                    if (keyword.equals("COPY") || keyword.equals("ADD")) {
                        copyFrom(flags, words, logical);
                        arguments = jsonArray(logical.text().substring(commandOffset).strip()).orElse(arguments);
                    }
                    stageInstructions.add(new DockerInstruction(keyword, flags, arguments, location, script));
                }
            }
        }

        private void from(List<Token> args, Logical logical, Location location) {
            closeStage();
            stageIndex++;
            stageLocation = location;
            stageInstructions = new ArrayList<>();
            stageEnv = new ArrayList<>();
            stageName = Optional.empty();
            if (args.size() >= 3 && args.get(1).text().equalsIgnoreCase("as")) {
                stageName = Optional.of(args.get(2).text());
            }
            if (args.isEmpty()) {
                return;
            }
            Token image = args.get(0);
            String resolved = substitute(image.text());
            boolean earlierStage = stageNames.contains(resolved.toLowerCase(Locale.ROOT));
            if (!earlierStage && !resolved.equalsIgnoreCase("scratch")) {
                images.add(new ImageReference(resolved, "FROM", logical.locate(path, image.start(), image.end())));
            }
            stageName.ifPresent(n -> stageNames.add(n.toLowerCase(Locale.ROOT)));
        }

        private void copyFrom(List<String> flags, List<Token> words, Logical logical) {
            for (int k = 0; k < flags.size(); k++) {
                String f = flags.get(k);
                if (f.startsWith("--from=")) {
                    String image = f.substring("--from=".length());
                    boolean stage = stageNames.contains(image.toLowerCase(Locale.ROOT)) || image.matches("\\d+");
                    if (!stage && !image.isEmpty()) {
                        Token t = words.get(k);
                        images.add(new ImageReference(image, "COPY --from",
                                logical.locate(path, t.start() + "--from=".length(), t.end())));
                    }
                }
            }
        }

        private void arg(List<Token> args, Logical logical) {
            for (Token t : args) {
                int eq = t.text().indexOf('=');
                String name = eq < 0 ? t.text() : t.text().substring(0, eq);
                if (eq < 0) {
                    continue;
                }
                String value = t.text().substring(eq + 1);
                Location nameAt = logical.locate(path, t.start(), t.start() + name.length());
                Location valueAt = logical.locate(path, Math.min(t.end(), t.start() + eq + 1), t.end());
                configured.add(new ConfiguredValue("ARG", name, value, nameAt, valueAt));
                if (stageIndex < 0) {
                    globalArgs.put(name, value);
                } else {
                    stageEnv.add(new Script.EnvVar(name, value, valueAt));
                }
            }
        }

        private void env(List<Token> args, Logical logical) {
            if (args.isEmpty()) {
                return;
            }
            if (args.get(0).text().indexOf('=') < 0) {
                Token key = args.get(0);
                int valueStart = args.size() > 1 ? args.get(1).start() : key.end();
                String value = logical.text().substring(valueStart).strip();
                record(key.text(), value, logical.locate(path, key.start(), key.end()),
                        logical.locate(path, valueStart, logical.text().length()));
                return;
            }
            for (Token t : args) {
                int eq = t.text().indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = t.text().substring(0, eq);
                record(name, t.text().substring(eq + 1), logical.locate(path, t.start(), t.start() + eq),
                        logical.locate(path, Math.min(t.end(), t.start() + eq + 1), t.end()));
            }
        }

        private void record(String name, String value, Location nameAt, Location valueAt) {
            configured.add(new ConfiguredValue("ENV", name, value, nameAt, valueAt));
            if (stageIndex >= 0) {
                stageEnv.add(new Script.EnvVar(name, value, valueAt));
            }
        }

        private Optional<ParsedScript> runScript(Logical logical, int commandOffset, List<Integer> physical,
                                                 List<Integer> body, int terminator, Location location) {
            String command = logical.text().substring(Math.min(commandOffset, logical.text().length()));
            List<Script.Line> lines = new ArrayList<>();
            Optional<List<String>> exec = command.strip().startsWith("[") ? jsonArray(command.strip())
                    : Optional.empty();
            if (exec.isPresent()) {
                List<String> argv = exec.get();
                boolean shellC = argv.size() >= 3 && argv.get(1).equals("-c")
                        && SHELLS.contains(argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1));
                String joined = shellC ? argv.get(2)
                        : String.join(" ", argv.stream().map(Reader::shellQuote).toList());
                lines.add(new Script.Line(joined, logical.locate(path, commandOffset, logical.text().length()), false));
            } else if (!body.isEmpty() && HEREDOC.matcher(command).replaceAll("").isBlank()) {
                body.forEach(k -> lines.add(wholeLine(k)));
            } else {
                if (logical.lines().length > 0 && commandOffset < logical.lines().length) {
                    int startLine = logical.lines()[commandOffset];
                    int startColumn = logical.columns()[commandOffset];
                    for (int lineNo : physical) {
                        if (lineNo < startLine) {
                            continue;
                        }
                        String l = text.line(lineNo);
                        int from = lineNo == startLine ? startColumn - 1 : 0;
                        String t = l.substring(Math.min(from, l.length()));
                        lines.add(new Script.Line(t, Location.ofLine(path, lineNo, from + 1, from + 1 + t.length()),
                                true));
                    }
                }
                body.forEach(k -> lines.add(wholeLine(k)));
                if (terminator > 0) {
                    lines.add(wholeLine(terminator));
                }
            }
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ParsedScript.of(new Script("RUN", lines, stageEnv, location)));
        }

        private Script.Line wholeLine(int lineNo) {
            String l = text.line(lineNo);
            return new Script.Line(l, Location.ofLine(path, lineNo, 1, l.length() + 1), true);
        }

        private void closeStage() {
            if (stageIndex < 0) {
                return;
            }
            DockerStage stage = new DockerStage(stageIndex, stageName, stageLocation, stageInstructions);
            stages.add(stage);
            List<ParsedScript> scripts = new ArrayList<>();
            for (DockerInstruction i : stageInstructions) {
                i.script().ifPresent(scripts::add);
            }
            if (!scripts.isEmpty()) {
                scriptedJobs.add(new ScriptedJob(stage.label(), stageLocation, scripts));
            }
        }

        /** Replaces {@code $NAME}, {@code ${NAME}} and {@code ${NAME:-default}} by global {@code ARG} defaults. */
        private String substitute(String value) {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(3);
                String replacement = globalArgs.get(name);
                if ((replacement == null || replacement.isEmpty()) && m.group(2) != null) {
                    replacement = m.group(2);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Splits arguments into words: blanks separate, quotes group and are removed, the escape character escapes. */
        private List<Token> tokens(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                StringBuilder sb = new StringBuilder();
                char quote = 0;
                while (i < n) {
                    char c = s.charAt(i);
                    if (quote != 0) {
                        if (c == quote) {
                            quote = 0;
                        } else if (c == escape && quote == '"' && i + 1 < n) {
                            sb.append(s.charAt(++i));
                        } else {
                            sb.append(c);
                        }
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == escape && i + 1 < n) {
                        sb.append(s.charAt(++i));
                    } else if (Character.isWhitespace(c)) {
                        break;
                    } else {
                        sb.append(c);
                    }
                    i++;
                }
                out.add(new Token(sb.toString(), start, i));
            }
            return out;
        }

        /** The strings of a JSON array of strings ({@code ["a", "b"]}); empty when it is not one. */
        private static Optional<List<String>> jsonArray(String s) {
            if (!s.startsWith("[") || !s.endsWith("]")) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            int i = 1;
            int n = s.length() - 1;
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return Optional.of(out);
                }
                if (s.charAt(i) != '"') {
                    return Optional.empty();
                }
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        char e = s.charAt(++i);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else {
                        sb.append(c);
                    }
                    i++;
                }
                if (i >= n) {
                    return Optional.empty();
                }
                out.add(sb.toString());
                i++;
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < n) {
                    if (s.charAt(i) != ',') {
                        return Optional.empty();
                    }
                    i++;
                }
            }
        }

        private static String shellQuote(String word) {
            if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@%+,".indexOf(c) >= 0)) {
                return word;
            }
            return "'" + word.replace("'", "'\\''") + "'";
        }
    }
}

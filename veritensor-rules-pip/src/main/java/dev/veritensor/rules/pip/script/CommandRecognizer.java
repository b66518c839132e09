package dev.veritensor.rules.pip.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises what one simple command does for package installation:
 * <ul>
 *   <li>an installer invocation — {@code pip install}/{@code download} (also as {@code pip3},
 *       {@code pip3.12}, {@code python -m pip}, {@code python3 -m pip}, {@code py -3 -m pip}, a
 *       path to any of them), {@code uv pip install}, {@code uv add}, {@code uv tool install},
 *       {@code pipx install} — behind {@code sudo}, {@code env}, {@code nohup}, {@code exec},
 *       {@code command}, {@code time}, {@code nice}, {@code timeout} and shell keywords;</li>
 *   <li>{@code pip config set <section>.<key> <value>};</li>
 *   <li>variable assignments: in front of a command (for that command), alone or after
 *       {@code export} (for the rest of the script), and {@code echo NAME=value >> $GITHUB_ENV}
 *       (for the job's later steps).</li>
 * </ul>
 */
final class CommandRecognizer {

    /** The installer a command runs. */
    enum Tool { PIP, UV, PIPX }

    /**
     * A variable assignment {@code NAME=value}.
     *
     * @param word the whole word
     * @param name the variable name
     */
    record Assignment(ShellWord word, String name) {
        /** The assigned value. */
        ShellWord value() {
            return word.suffix(name.length() + 1);
        }
    }

    /** What a recognised command runs: an installer, or {@code pip config set}. */
    sealed interface Action permits Invocation, ConfigSet {
    }

    /**
     * An installer invocation.
     *
     * @param tool      the installer
     * @param command   how it is called, for messages: {@code pip install}, {@code uv add}, …
     * @param syntax    its options
     * @param arguments the words after the subcommand
     */
    record Invocation(Tool tool, String command, CommandSyntax syntax, List<ShellWord> arguments) implements Action {
        Invocation {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * {@code pip config set key value}.
     *
     * @param key   the {@code section.key} word
     * @param value the value word
     */
    record ConfigSet(ShellWord key, ShellWord value) implements Action {
    }

    /**
     * What a command does.
     *
     * @param forCommand        assignments that hold for this command only ({@code X=1 cmd}, {@code env X=1 cmd})
     * @param forScript         assignments that hold for the rest of the script ({@code X=1}, {@code export X=1})
     * @param forLaterSteps     assignments written to {@code $GITHUB_ENV} for the job's later steps
     * @param clearsEnvironment whether the command runs with an emptied environment ({@code env -i})
     * @param action            the installer it runs or the pip setting it stores, if any
     */
    record Recognized(List<Assignment> forCommand, List<Assignment> forScript, List<Assignment> forLaterSteps,
                      boolean clearsEnvironment, Optional<Action> action) {
        Recognized {
            forCommand = List.copyOf(forCommand);
            forScript = List.copyOf(forScript);
            forLaterSteps = List.copyOf(forLaterSteps);
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Pattern PIP = Pattern.compile("pip[0-9]*(\\.[0-9]+)*");
    private static final Pattern PYTHON = Pattern.compile("(python|pypy)[0-9]*(\\.[0-9]+)*[tdmu]*|py");
    private static final Pattern PY_VERSION = Pattern.compile("-[0-9]+(\\.[0-9]+)*(-(32|64))?|-V:.+");
    private static final Set<String> KEYWORDS = Set.of("!", "{", "if", "then", "else", "elif", "do", "while",
            "until");
    private static final String PYTHON_FLAGS = "bBdEhiIOPqsSuvVx";

    private CommandRecognizer() {
    }

    /** What {@code command} does. */
    static Recognized recognize(ShellCommand command) {
        List<ShellWord> words = command.words();
        List<Assignment> scoped = new ArrayList<>();
        boolean wrapped = false;
        boolean cleared = false;
        int i = 0;
        while (i < words.size()) {
            ShellWord w = words.get(i);
            Optional<Assignment> assignment = assignment(w, true);
            if (assignment.isPresent()) {
                scoped.add(assignment.get());
                i++;
                continue;
            }
            String name = commandName(w);
            if (KEYWORDS.contains(name) && w.spelledAtStart(name.length())) {
                i++;
                continue;
            }
            switch (name) {
                case "sudo", "doas" -> {
                    i = skipWrapperOptions(words, i + 1, "ugCDhprtTUR");
                    wrapped = true;
                    continue;
                }
                case "env" -> {
                    int next = i + 1;
                    while (next < words.size() && words.get(next).value().startsWith("-")) {
                        String o = words.get(next).value();
                        cleared |= o.equals("-i") || o.equals("-") || o.equals("--ignore-environment");
                        next += o.equals("-u") || o.equals("-C") || o.equals("-S") ? 2 : 1;
                    }
                    i = next;
                    wrapped = true;
                    continue;
                }
                case "nohup", "exec", "command", "time", "nice" -> {
                    if (name.equals("command") && i + 1 < words.size()
                            && (words.get(i + 1).value().equals("-v") || words.get(i + 1).value().equals("-V"))) {
                        return nothing(scoped, cleared);
                    }
                    i = skipWrapperOptions(words, i + 1, name.equals("nice") ? "n" : name.equals("exec") ? "a" : "");
                    wrapped = true;
                    continue;
                }
                case "timeout" -> {
                    i = skipWrapperOptions(words, i + 1, "sk") + 1;
                    wrapped = true;
                    continue;
                }
                default -> {
                    // the command itself
                }
            }
            break;
        }
        if (i >= words.size()) {
            return wrapped ? nothing(scoped, cleared)
                    : new Recognized(List.of(), scoped, List.of(), false, Optional.empty());
        }
        String name = commandName(words.get(i));
        if (name.equals("export") && !wrapped) {
            List<Assignment> exported = new ArrayList<>(scoped);
            for (int k = i + 1; k < words.size(); k++) {
                assignment(words.get(k), true).ifPresent(exported::add);
            }
            return new Recognized(List.of(), exported, List.of(), false, Optional.empty());
        }
        if (name.equals("echo") && writesGitHubEnv(command)) {
            List<Assignment> later = new ArrayList<>();
            for (int k = i + 1; k < words.size(); k++) {
                assignment(words.get(k), false).ifPresent(later::add);
            }
            return new Recognized(scoped, List.of(), later, cleared, Optional.empty());
        }
        Optional<? extends Action> action = Optional.empty();
        if (PIP.matcher(name).matches()) {
            action = pip(words, i + 1);
        } else if (PYTHON.matcher(name).matches() || isStandInOnly(words.get(i))) {
            action = interpreter(words, i + 1, name.equals("py"));
        } else if (name.equals("uv")) {
            action = uv(words, i + 1);
        } else if (name.equals("pipx")) {
            action = pipx(words, i + 1);
        }
        return new Recognized(scoped, List.of(), List.of(), cleared, action.map(Action.class::cast));
    }

    private static Recognized nothing(List<Assignment> scoped, boolean cleared) {
        return new Recognized(scoped, List.of(), List.of(), cleared, Optional.empty());
    }

    /** {@code pip [general options] install|download|config …}. */
    private static Optional<Action> pip(List<ShellWord> words, int from) {
        int i = OptionReader.read(words, from, CommandSyntax.PIP_GLOBAL, true).next();
        if (i >= words.size()) {
            return Optional.empty();
        }
        String sub = words.get(i).value();
        if (sub.equals("install") || sub.equals("download")) {
            return Optional.of(new Invocation(Tool.PIP, "pip " + sub, CommandSyntax.PIP_INSTALL,
                    words.subList(i + 1, words.size())));
        }
        if (sub.equals("config")) {
            List<ShellWord> args = new ArrayList<>();
            for (OptionReader.Item item : OptionReader.read(words, i + 1, CommandSyntax.PIP_CONFIG_COMMAND, false)
                    .items()) {
                if (item instanceof OptionReader.Argument a) {
                    args.add(a.word());
                }
            }
            if (args.size() == 3 && args.get(0).value().equals("set")) {
                return Optional.of(new ConfigSet(args.get(1), args.get(2)));
            }
        }
        return Optional.empty();
    }

    /** {@code python [options] -m pip|uv|pipx …}: what the module does. */
    private static Optional<Action> interpreter(List<ShellWord> words, int from, boolean launcher) {
        int i = from;
        if (launcher && i < words.size() && PY_VERSION.matcher(words.get(i).value()).matches()) {
            i++;
        }
        while (i < words.size()) {
            String v = words.get(i).value();
            if (v.equals("--check-hash-based-pycs")) {
                i += 2;
                continue;
            }
            if (v.length() < 2 || v.charAt(0) != '-' || v.startsWith("--")) {
                return Optional.empty();
            }
            int k = 1;
            while (k < v.length() && PYTHON_FLAGS.indexOf(v.charAt(k)) >= 0) {
                k++;
            }
            if (k == v.length()) {
                i++;
                continue;
            }
            char option = v.charAt(k);
            String attached = v.substring(k + 1);
            if (option == 'W' || option == 'X') {
                i += attached.isEmpty() ? 2 : 1;
                continue;
            }
            if (option != 'm') {
                return Optional.empty();
            }
            String module = attached.isEmpty() ? (i + 1 < words.size() ? words.get(i + 1).value() : "") : attached;
            int next = i + (attached.isEmpty() ? 2 : 1);
            return switch (module) {
                case "pip" -> pip(words, next);
                case "uv" -> uv(words, next).map(Action.class::cast);
                case "pipx" -> pipx(words, next).map(Action.class::cast);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** {@code uv [global options] pip install|add|tool install …}. */
    private static Optional<Invocation> uv(List<ShellWord> words, int from) {
        int i = OptionReader.read(words, from, CommandSyntax.UV, true).next();
        if (i >= words.size()) {
            return Optional.empty();
        }
        String sub = words.get(i).value();
        if (sub.equals("add")) {
            return Optional.of(new Invocation(Tool.UV, "uv add", CommandSyntax.UV_ADD, words.subList(i + 1, words.size())));
        }
        if (!sub.equals("pip") && !sub.equals("tool")) {
            return Optional.empty();
        }
        int j = OptionReader.read(words, i + 1, CommandSyntax.UV, true).next();
        if (j >= words.size() || !words.get(j).value().equals("install")) {
            return Optional.empty();
        }
        List<ShellWord> rest = words.subList(j + 1, words.size());
        return Optional.of(sub.equals("pip")
                ? new Invocation(Tool.UV, "uv pip install", CommandSyntax.UV_PIP_INSTALL, rest)
                : new Invocation(Tool.UV, "uv tool install", CommandSyntax.UV_TOOL_INSTALL, rest));
    }

    /** {@code pipx [options] install …}. */
    private static Optional<Invocation> pipx(List<ShellWord> words, int from) {
        int i = OptionReader.read(words, from, CommandSyntax.PIPX, true).next();
        if (i >= words.size() || !words.get(i).value().equals("install")) {
            return Optional.empty();
        }
        return Optional.of(new Invocation(Tool.PIPX, "pipx install", CommandSyntax.PIPX,
                words.subList(i + 1, words.size())));
    }

    /** Skips a wrapper's options; {@code valued} lists its short options that take a value. */
    private static int skipWrapperOptions(List<ShellWord> words, int from, String valued) {
        int i = from;
        while (i < words.size()) {
            String v = words.get(i).value();
            if (v.equals("--")) {
                return i + 1;
            }
            if (v.length() < 2 || v.charAt(0) != '-') {
                return i;
            }
            boolean takesNext = !v.startsWith("--") && v.length() == 2 && valued.indexOf(v.charAt(1)) >= 0;
            i += takesNext ? 2 : 1;
        }
        return i;
    }

    private static boolean writesGitHubEnv(ShellCommand command) {
        for (ShellCommand.Redirect r : command.redirects()) {
            if (r.operator().equals(">>") && r.target().map(t -> t.value().contains("GITHUB_ENV")).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The assignment a word spells; {@code unquotedName} demands what the shell demands of an
     * assignment (the name and {@code =} written plainly), otherwise a quoted argument such as
     * {@code echo "NAME=value"} counts too.
     */
    private static Optional<Assignment> assignment(ShellWord w, boolean unquotedName) {
        String v = w.value();
        if (!ASSIGNMENT.matcher(v).matches()) {
            return Optional.empty();
        }
        String name = v.substring(0, v.indexOf('='));
        return !unquotedName || w.spelledAtStart(name.length() + 1) ? Optional.of(new Assignment(w, name))
                : Optional.empty();
    }

    /** The program a word names: its last path segment, without a Windows {@code .exe}. */
    private static String commandName(ShellWord w) {
        String v = w.value();
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        String base = v.substring(slash + 1);
        return base.toLowerCase(Locale.ROOT).endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
    }

    /** Whether the word is a single expansion, such as {@code $PYTHON} or {@code "${{ env.PY }}"}. */
    private static boolean isStandInOnly(ShellWord w) {
        String v = w.value();
        return w.expanded() && v.startsWith("${") && v.indexOf('}') == v.length() - 1;
    }
}

package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Commands that execute program text: shells and language interpreters, {@code eval},
 * {@code source}, PowerShell's {@code Invoke-Expression}. Knows where each takes its program from:
 * standard input, an inline argument ({@code -c}, {@code -e}), or a file.
 */
final class Interpreters {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish",
            "csh", "tcsh", "busybox");
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*|pypy[0-9.]*");
    private static final Set<String> OTHERS = Set.of("perl", "ruby", "node", "nodejs", "php", "pwsh", "powershell",
            "lua", "deno", "bun");
    private static final Set<String> STDIN_FLAGS = Set.of("-s", "-");
    private static final Set<String> VALUED = Set.of("-W", "-X", "-o", "-O", "--rcfile", "--init-file", "-I", "-r");

    private Interpreters() {
    }

    /** Whether {@code name} runs program text: a shell, a language interpreter, {@code eval} or {@code iex}. */
    private static boolean isInterpreter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SHELLS.contains(n) || OTHERS.contains(n) || (n.startsWith("py") && PYTHON.matcher(n).matches());
    }

    /** Whether the effective command is an interpreter that reads its program from standard input. */
    static boolean readsProgramFromStdin(SimpleCommand command) {
        SimpleCommand c = command.effective();
        if (c.words().isEmpty()) {
            return false;
        }
        String name = c.words().get(0).baseName().toLowerCase(Locale.ROOT);
        if (name.equals("iex") || name.equals("invoke-expression")) {
            return true;
        }
        if (!isInterpreter(name)) {
            return false;
        }
        List<Word> args = c.arguments();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (STDIN_FLAGS.contains(t)) {
                return true;
            }
            if (isInlineFlag(name, t)) {
                return false;
            }
            if (t.equals("-m")) {
                return false;
            }
            if (args.get(i).isOption()) {
                if (VALUED.contains(t)) {
                    i++;
                }
                continue;
            }
            return false;
        }
        return true;
    }

    /** Whether {@code flag} makes interpreter {@code name} run the next argument as its program. */
    private static boolean isInlineFlag(String name, String flag) {
        if (SHELLS.contains(name)) {
            return flag.startsWith("-") && !flag.startsWith("--") && flag.indexOf('c') > 0;
        }
        if (name.startsWith("py") && PYTHON.matcher(name).matches()) {
            return flag.equals("-c");
        }
        return switch (name) {
            case "perl", "ruby" -> flag.equals("-e") || flag.equals("-E");
            case "node", "nodejs", "deno", "bun" -> flag.equals("-e") || flag.equals("--eval") || flag.equals("-p")
                    || flag.equals("--print");
            case "php" -> flag.equals("-r");
            case "pwsh", "powershell" -> flag.equalsIgnoreCase("-c") || flag.equalsIgnoreCase("-command");
            default -> false;
        };
    }

    /**
     * The argument of {@code command} that holds program text to execute: the value of
     * {@code -c}/{@code -e} for interpreters, every argument of {@code eval}, the file of
     * {@code source}/{@code .}, the script operand of an interpreter.
     */
    static List<Word> programArguments(SimpleCommand command) {
        SimpleCommand c = command.effective();
        if (c.words().isEmpty()) {
            return List.of();
        }
        String name = c.words().get(0).baseName().toLowerCase(Locale.ROOT);
        List<Word> args = c.arguments();
        if (name.equals("eval") || name.equals("source") || name.equals(".") || name.equals("iex")
                || name.equals("invoke-expression")) {
            return args;
        }
        if (!isInterpreter(name)) {
            return List.of();
        }
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (isInlineFlag(name, t)) {
                return i + 1 < args.size() ? List.of(args.get(i + 1)) : List.of();
            }
            if (args.get(i).isOption()) {
                if (VALUED.contains(t)) {
                    i++;
                }
                continue;
            }
            return List.of(args.get(i));
        }
        return List.of();
    }
}

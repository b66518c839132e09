package dev.veritensor.rules.ci.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One simple command: leading variable assignments, the command's words and its redirections.
 * Reserved words of compound commands ({@code if}, {@code then}, {@code do} …) that precede a
 * command on the same line are words here; {@link #effective()} looks through them and through
 * wrappers such as {@code sudo} and {@code env} to the command that actually runs.
 *
 * @param assignments {@code NAME=value} words before the command name
 * @param words       the command name and its arguments
 * @param redirects   the redirections, in order
 * @param start       offset of the command's first character in the script text
 * @param end         offset just after its last character
 */
public record SimpleCommand(List<Word> assignments, List<Word> words, List<Redirect> redirects, int start, int end) {

    private static final Set<String> PREFIX_WORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "time", "exec", "command", "builtin", "nohup", "unbuffer");
    private static final Set<String> SUDO = Set.of("sudo", "doas");
    private static final Set<String> SUDO_OPTIONS_WITH_VALUE = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r",
            "-t", "-U", "-T", "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type",
            "--other-user", "--command-timeout", "--close-from");
    private static final Set<String> ENV_OPTIONS_WITH_VALUE = Set.of("-u", "--unset", "-C", "--chdir", "-S",
            "--split-string");

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
    }

    /** The command's name as its last path segment ({@code /usr/bin/curl} gives {@code curl}). */
    public Optional<String> name() {
        return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0).baseName());
    }

    /** The words after the name. */
    public List<Word> arguments() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /**
     * The command that actually runs: leading reserved words, {@code sudo}/{@code doas},
     * {@code env} (whose {@code NAME=value} arguments become assignments), {@code nice},
     * {@code timeout}, {@code stdbuf} and the like are skipped with their options.
     */
    public SimpleCommand effective() {
        List<Word> assigned = new ArrayList<>(assignments);
        int i = 0;
        int n = words.size();
        while (i < n) {
            Word w = words.get(i);
            String name = w.baseName();
            if (PREFIX_WORDS.contains(w.text())) {
                i++;
            } else if (SUDO.contains(name)) {
                i = skipOptions(i + 1, SUDO_OPTIONS_WITH_VALUE);
            } else if (name.equals("env")) {
                i = skipOptions(i + 1, ENV_OPTIONS_WITH_VALUE);
                while (i < n && isAssignment(words.get(i))) {
                    assigned.add(words.get(i++));
                }
            } else if (name.equals("nice") || name.equals("ionice") || name.equals("stdbuf")) {
                i = skipOptions(i + 1, Set.of("-n", "-c", "-p", "-i", "-o", "-e"));
            } else if (name.equals("timeout")) {
                i = skipOptions(i + 1, Set.of("-s", "--signal", "-k", "--kill-after"));
                if (i < n) {
                    i++;
                }
            } else {
                break;
            }
        }
        if (i == 0 && assigned.size() == assignments.size()) {
            return this;
        }
        return new SimpleCommand(assigned, words.subList(Math.min(i, n), n), redirects, start, end);
    }

    private int skipOptions(int from, Set<String> withValue) {
        int i = from;
        while (i < words.size() && words.get(i).isOption()) {
            String t = words.get(i).text();
            i++;
            if (t.equals("--")) {
                break;
            }
            if (withValue.contains(t)) {
                i++;
            }
        }
        return i;
    }

    /** Whether {@code w} has the form {@code NAME=value}. */
    public static boolean isAssignment(Word w) {
        String t = w.text();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int k = 0; k < eq; k++) {
            char c = t.charAt(k);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (k > 0 && c >= '0' && c <= '9')
                    || (k == eq - 1 && c == '+');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether any argument is one of {@code options}, also as a prefix {@code --opt=value}. */
    public boolean hasOption(String... options) {
        for (Word w : arguments()) {
            for (String o : options) {
                if (w.text().equals(o) || (o.startsWith("--") && w.text().startsWith(o + "="))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The value of the first of {@code options} among the arguments: the next word, or the text
     * after {@code =} for {@code --opt=value}, or the rest of a short option's word
     * ({@code -ofile}).
     */
    public Optional<Word> optionValue(String... options) {
        List<Word> args = arguments();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            for (String o : options) {
                if (t.equals(o)) {
                    return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
                }
                if (o.startsWith("--") && t.startsWith(o + "=")) {
                    return Optional.of(slice(args.get(i), o.length() + 1));
                }
                if (!o.startsWith("--") && o.length() == 2 && t.startsWith(o) && t.length() > 2) {
                    return Optional.of(slice(args.get(i), 2));
                }
            }
        }
        return Optional.empty();
    }

    private static Word slice(Word w, int from) {
        return new Word(w.text().substring(from), Math.min(w.end(), w.start() + from), w.end(), w.literal(),
                w.substitutions());
    }
}

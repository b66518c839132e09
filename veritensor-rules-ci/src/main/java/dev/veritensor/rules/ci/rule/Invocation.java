package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tool a command runs and its arguments, looking through wrappers: {@code sudo}, {@code env}
 * and the like ({@link SimpleCommand#effective()}), {@code python -m tool}, and the runners
 * {@code uv run}, {@code uvx}, {@code poetry run}, {@code pipx run}, {@code pdm run},
 * {@code hatch run}.
 *
 * @param tool      the tool's name ({@code twine}, {@code pip}, {@code curl})
 * @param arguments the words after it
 * @param command   the effective command
 */
record Invocation(String tool, List<Word> arguments, SimpleCommand command) {

    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipx", "pdm", "hatch", "conda", "mamba");

    /** The invocation of {@code command}, when it runs anything. */
    static Optional<Invocation> of(SimpleCommand command) {
        SimpleCommand c = command.effective();
        List<Word> words = c.words();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String tool = words.get(0).baseName();
        List<Word> args = words.subList(1, words.size());
        for (int hop = 0; hop < 2; hop++) {
            if (args.size() >= 2 && args.get(0).text().equals("-m") && PYTHON.matcher(tool).matches()) {
                tool = args.get(1).text();
                args = args.subList(2, args.size());
            } else if (tool.equals("uvx") && !args.isEmpty() && !args.get(0).isOption()) {
                tool = args.get(0).baseName();
                args = args.subList(1, args.size());
            } else if (RUNNERS.contains(tool) && args.size() >= 2 && args.get(0).text().equals("run")
                    && !args.get(1).isOption()) {
                tool = args.get(1).baseName();
                args = args.subList(2, args.size());
            } else {
                break;
            }
        }
        return Optional.of(new Invocation(tool, args, c));
    }

    /** Whether the first arguments are {@code subcommands}, in order ({@code "pip", "install"} for {@code uv pip install}). */
    boolean startsWith(String... subcommands) {
        if (arguments.size() < subcommands.length) {
            return false;
        }
        for (int i = 0; i < subcommands.length; i++) {
            if (!arguments.get(i).text().equals(subcommands[i])) {
                return false;
            }
        }
        return true;
    }

    /** The first argument that is not an option, skipping options and the values of {@code valued} ones. */
    Optional<Word> firstOperand(Set<String> valued) {
        for (int i = 0; i < arguments.size(); i++) {
            Word w = arguments.get(i);
            if (w.isOption()) {
                if (valued.contains(w.text())) {
                    i++;
                }
                continue;
            }
            return Optional.of(w);
        }
        return Optional.empty();
    }
}

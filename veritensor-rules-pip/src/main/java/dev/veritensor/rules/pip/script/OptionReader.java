package dev.veritensor.rules.pip.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads command-line words against a {@link CommandSyntax} the way optparse, argparse and clap
 * read them: {@code --name value}, {@code --name=value}, grouped short options ({@code -Uq}), a
 * short option's value attached ({@code -rfile}) or in the next word, and {@code --} ending the
 * options. An option the syntax does not know is taken for a flag (the tools refuse unknown
 * options anyway).
 */
final class OptionReader {

    /** One option or argument as written. */
    sealed interface Item permits OptionUse, Argument {
    }

    /**
     * An option.
     *
     * @param option     the option, empty when the syntax does not know it
     * @param word       the word that names it
     * @param nameLength how many characters of the word's value spell its name ({@code --extra-index}
     *                   of {@code --extra-index=URL}); only meaningful for long options
     * @param isLong     whether it is written {@code --name}
     * @param value      its value, for options that take one and got it
     */
    record OptionUse(Optional<CommandSyntax.Option> option, ShellWord word, int nameLength, boolean isLong,
                     Optional<ShellWord> value) implements Item {
    }

    /**
     * A positional argument.
     *
     * @param word the argument
     */
    record Argument(ShellWord word) implements Item {
    }

    /**
     * What was read.
     *
     * @param items the options and arguments in order
     * @param next  the index of the first word not read
     */
    record Result(List<Item> items, int next) {
        Result {
            items = List.copyOf(items);
        }
    }

    private OptionReader() {
    }

    /**
     * Reads {@code words} from {@code from} on; with {@code stopAtArgument}, stops before the first
     * positional argument (a subcommand).
     */
    static Result read(List<ShellWord> words, int from, CommandSyntax syntax, boolean stopAtArgument) {
        List<Item> items = new ArrayList<>();
        int i = from;
        boolean optionsEnded = false;
        while (i < words.size()) {
            ShellWord w = words.get(i);
            String v = w.value();
            boolean option = !optionsEnded && v.length() > 1 && v.charAt(0) == '-';
            if (!option) {
                if (stopAtArgument) {
                    break;
                }
                items.add(new Argument(w));
                i++;
                continue;
            }
            i++;
            if (v.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (v.startsWith("--")) {
                int eq = v.indexOf('=');
                String name = eq < 0 ? v : v.substring(0, eq);
                Optional<CommandSyntax.Option> found = syntax.findLong(name);
                Optional<ShellWord> value = Optional.empty();
                if (eq >= 0) {
                    value = Optional.of(w.suffix(eq + 1));
                } else if (found.isPresent() && found.get().takesValue() && i < words.size()) {
                    value = Optional.of(words.get(i++));
                }
                items.add(new OptionUse(found, w, name.length(), true, value));
                continue;
            }
            for (int k = 1; k < v.length(); k++) {
                Optional<CommandSyntax.Option> found = syntax.findShort(v.charAt(k));
                if (found.isPresent() && found.get().takesValue()) {
                    Optional<ShellWord> value = Optional.empty();
                    if (k + 1 < v.length()) {
                        value = Optional.of(w.suffix(k + 1));
                    } else if (i < words.size()) {
                        value = Optional.of(words.get(i++));
                    }
                    items.add(new OptionUse(found, w, k + 1, false, value));
                    break;
                }
                items.add(new OptionUse(found, w, k + 1, false, Optional.empty()));
                if (found.isEmpty()) {
                    break;
                }
            }
        }
        return new Result(items, i);
    }
}

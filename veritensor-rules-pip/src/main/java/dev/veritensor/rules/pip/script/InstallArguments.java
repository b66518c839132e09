package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.model.RequirementSyntaxException;
import dev.veritensor.rules.pip.model.TextOrigin;
import dev.veritensor.rules.pip.script.CommandRecognizer.Invocation;
import dev.veritensor.rules.pip.script.CommandRecognizer.Tool;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the arguments of an installer {@link Invocation}: its requirements (positional arguments,
 * {@code -e} values, uv's {@code --with}, pipx's {@code --preinstall}), read with
 * {@link RequirementParser} exactly as in a requirements file, and its index options. The options
 * inside pipx's {@code --pip-args} are read as pip install options.
 *
 * <p>A requirement whose text comes partly from an expansion ({@code $PKG},
 * {@code torch==${{ matrix.torch }}}) is read with the expansion as a {@code ${NAME}} reference;
 * when it cannot be read it is skipped silently, its value being unknown. Any other argument that
 * is not a valid requirement is reported as an {@code invalid-requirement} diagnostic.
 */
final class InstallArguments {

    /**
     * What an invocation names.
     *
     * @param dependencies its requirements
     * @param indexItems   its index options in order
     */
    record Read(List<Dependency> dependencies, List<IndexItem> indexItems) {
        Read {
            dependencies = List.copyOf(dependencies);
            indexItems = List.copyOf(indexItems);
        }
    }

    private final ScriptText text;
    private final ParseContext context;
    private final Tool tool;
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<IndexItem> indexItems = new ArrayList<>();
    private boolean constrained;

    private InstallArguments(ScriptText text, ParseContext context, Tool tool) {
        this.text = text;
        this.context = context;
        this.tool = tool;
    }

    /** Reads {@code invocation}'s arguments; diagnostics go to {@code context}. */
    static Read read(Invocation invocation, ScriptText text, ParseContext context) {
        InstallArguments reader = new InstallArguments(text, context, invocation.tool());
        reader.words(invocation.arguments(), invocation.syntax());
        List<Dependency> deps = reader.dependencies;
        if (reader.constrained) {
            deps = deps.stream().map(d -> d.kind() == Dependency.Kind.REGISTRY ? d.withPinnedElsewhere(true) : d)
                    .toList();
        }
        return new Read(deps, reader.indexItems);
    }

    private void words(List<ShellWord> words, CommandSyntax syntax) {
        for (OptionReader.Item item : OptionReader.read(words, 0, syntax, false).items()) {
            if (item instanceof OptionReader.Argument a) {
                requirement(a.word(), false);
            } else if (item instanceof OptionReader.OptionUse o) {
                option(o);
            }
        }
    }

    private void option(OptionReader.OptionUse use) {
        Meaning meaning = use.option().map(CommandSyntax.Option::meaning).orElse(Meaning.NONE);
        Optional<ShellWord> value = use.value();
        switch (meaning) {
            case NONE, REQUIREMENTS_FILE -> {
                // requirements files are documents of their own when the scan reaches them
            }
            case CONSTRAINTS_FILE -> constrained = true;
            case EDITABLE -> value.ifPresent(v -> requirement(v, true));
            case REQUIREMENT -> value.ifPresent(v -> requirement(v, false));
            case PIP_ARGS -> value.ifPresent(v -> words(ShellLexer.wordsOf(v), CommandSyntax.PIP_INSTALL));
            case NO_INDEX -> indexItems.add(new IndexItem(Meaning.NO_INDEX, "", Optional.empty(),
                    text.span(use.word().start(), use.word().end()), Optional.empty()));
            default -> value.ifPresent(v -> {
                boolean named = tool == Tool.UV && (meaning == Meaning.INDEX || meaning == Meaning.DEFAULT_INDEX);
                indexItems.addAll(IndexItem.of(meaning, v.value(), origin(v), false, named,
                        meaning == Meaning.EXTRA_INDEX ? optionName(use) : Optional.empty()));
            });
        }
    }

    private void requirement(ShellWord word, boolean editable) {
        TextOrigin origin = origin(word);
        try {
            dependencies.add((editable ? RequirementParser.parseEditable(word.value(), origin)
                    : RequirementParser.parsePipArgument(word.value(), origin)).dependency());
        } catch (RequirementSyntaxException e) {
            if (!word.expanded()) {
                context.report(Diagnostic.error("invalid-requirement", e.location(),
                        "requirement not analysed: " + e.getMessage()));
            }
        }
    }

    private TextOrigin origin(ShellWord word) {
        return text.origin(word.sources(), word.start(), word.end());
    }

    /** Where a long option is named, when its name is written plainly ({@code --extra-index-url}, not quoted). */
    private Optional<Location> optionName(OptionReader.OptionUse use) {
        ShellWord w = use.word();
        if (!use.isLong() || !w.spelledAtStart(use.nameLength()) || !text.verbatimAt(w.start())) {
            return Optional.empty();
        }
        return Optional.of(text.span(w.start(), w.start() + use.nameLength()));
    }
}

package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.model.TextOrigin;
import dev.veritensor.rules.pip.script.CommandRecognizer.Assignment;
import dev.veritensor.rules.pip.script.CommandRecognizer.ConfigSet;
import dev.veritensor.rules.pip.script.CommandRecognizer.Invocation;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one script from top to bottom, keeping track of the index settings in effect (the
 * enclosing file's environment, then what the script assigns, exports and stores with
 * {@code pip config set}), and derives an {@link InstallCommandDocument} per installer command and
 * one {@link ScriptEnvironmentDocument} for every index setting the environment and the script
 * define.
 */
final class ScriptReader {

    /** The packaging tools pipelines upgrade before installing; their floating versions are graded LOW. */
    private static final Set<String> BOOTSTRAP = Set.of("pip", "setuptools", "wheel");

    private final ScriptText text;
    private final Source source;
    private final ParseContext context;
    private final List<IndexEnvironment.Definition> definitions = new ArrayList<>();
    private final List<Document> installs = new ArrayList<>();
    private IndexEnvironment environment = IndexEnvironment.EMPTY;

    private ScriptReader(ScriptText text, Source source, ParseContext context) {
        this.text = text;
        this.source = source;
        this.context = context;
    }

    /** The documents derived from {@code script}, held by {@code source}. */
    static List<Document> read(Script script, Source source, ParseContext context) {
        ScriptText text = ScriptText.of(script);
        ScriptReader reader = new ScriptReader(text, source, context);
        List<IndexEnvironment.Definition> inherited = new ArrayList<>();
        for (Script.EnvVar v : script.environment()) {
            IndexVariables.variable(v.name()).ifPresent(kind -> inherited.add(reader.definition(v, kind)));
        }
        reader.define(inherited);
        for (ShellCommand command : ShellLexer.commands(text.content(), "RUN".equals(script.origin()))) {
            reader.command(command);
        }
        return reader.documents();
    }

    private void command(ShellCommand command) {
        CommandRecognizer.Recognized r = CommandRecognizer.recognize(command);
        List<IndexEnvironment.Definition> scoped = definitions(r.forCommand());
        definitions.addAll(scoped);
        definitions.addAll(definitions(r.forLaterSteps()));
        if (r.action().orElse(null) instanceof Invocation invocation) {
            IndexEnvironment base = r.clearsEnvironment() ? IndexEnvironment.EMPTY : environment;
            install(invocation, base.with(scoped));
        } else if (r.action().orElse(null) instanceof ConfigSet set) {
            configSet(set).ifPresent(d -> define(List.of(d)));
        }
        define(definitions(r.forScript()));
    }

    private void define(List<IndexEnvironment.Definition> added) {
        definitions.addAll(added);
        environment = environment.with(added);
    }

    private void install(Invocation invocation, IndexEnvironment in) {
        InstallArguments.Read read = InstallArguments.read(invocation, text, context);
        IndexSettings.Built indexes = IndexSettings.forCommand(invocation.tool(), in, read.indexItems());
        List<Dependency> named = new ArrayList<>();
        List<Dependency> bootstrap = new ArrayList<>();
        for (Dependency d : read.dependencies()) {
            boolean tool = d.kind() == Dependency.Kind.REGISTRY && BOOTSTRAP.contains(d.normalizedName());
            (tool ? bootstrap : named).add(d);
        }
        if (!named.isEmpty() || !indexes.settings().isEmpty()) {
            installs.add(new InstallCommandDocument(source, invocation.command(), named, indexes, Severity.MEDIUM));
        }
        if (!bootstrap.isEmpty()) {
            installs.add(new InstallCommandDocument(source, invocation.command(), bootstrap,
                    new IndexSettings.Built(List.of(), Map.of()), Severity.LOW));
        }
    }

    private List<Document> documents() {
        List<Document> out = new ArrayList<>();
        List<ScriptEnvironmentDocument.IndexStrategy> strategies = new ArrayList<>();
        for (IndexEnvironment.Definition d : definitions) {
            if (d.kind().meaning() == Meaning.INDEX_STRATEGY) {
                strategies.add(new ScriptEnvironmentDocument.IndexStrategy(d.value().strip(), d.location()));
            }
        }
        IndexSettings.Built settings = IndexSettings.forDefinitions(definitions);
        if (!settings.settings().isEmpty() || !strategies.isEmpty()) {
            out.add(new ScriptEnvironmentDocument(source, settings.settings(), strategies));
        }
        out.addAll(installs);
        return out;
    }

    private List<IndexEnvironment.Definition> definitions(List<Assignment> assignments) {
        List<IndexEnvironment.Definition> out = new ArrayList<>();
        for (Assignment a : assignments) {
            IndexVariables.variable(a.name()).ifPresent(kind -> out.add(definition(a.name(), kind, a.value())));
        }
        return out;
    }

    private Optional<IndexEnvironment.Definition> configSet(ConfigSet set) {
        String key = set.key().value();
        return IndexVariables.configKey(key).map(kind -> definition(
                IndexEnvironment.CONFIG_PREFIX + key.substring(key.indexOf('.') + 1), kind, set.value()));
    }

    private IndexEnvironment.Definition definition(String key, IndexVariables.Kind kind, ShellWord value) {
        TextOrigin origin = text.origin(value.sources(), value.start(), value.end());
        Location at = value.value().isEmpty() ? text.span(value.start(), value.end())
                : origin.span(0, value.value().length());
        return new IndexEnvironment.Definition(key, kind, value.value(), origin, at);
    }

    /**
     * A variable the enclosing file sets. Its columns are exact when the value's location spans
     * exactly the value on one line and the value holds no expansion; otherwise every span of it
     * is the value's location.
     */
    private IndexEnvironment.Definition definition(Script.EnvVar v, IndexVariables.Kind kind) {
        ShellWord read = ShellLexer.expandable(v.value());
        Location at = v.location();
        boolean exact = read.value().equals(v.value()) && at.startLine() == at.endLine()
                && at.endColumn() - at.startColumn() == v.value().length();
        TextOrigin origin = exact ? TextOrigin.at(at.path(), at.startLine(), at.startColumn()) : TextOrigin.within(at);
        return new IndexEnvironment.Definition(v.name(), kind, read.value(), origin, at);
    }
}

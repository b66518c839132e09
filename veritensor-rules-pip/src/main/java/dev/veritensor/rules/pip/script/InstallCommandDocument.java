package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.model.GradesFloatingVersions;
import dev.veritensor.rules.pip.model.NamesIndexOptions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An installer command in a script of a CI workflow, a GitLab pipeline or a Dockerfile
 * ({@code pip install torch}, {@code uv pip install -r requirements.txt --extra-index-url …}),
 * derived by {@link PipScriptParser}: the requirements it names on its command line and the index
 * settings it runs with — those of its environment (variables, stored {@code pip config} keys) and
 * its own options. Every location is in the file that holds the script.
 *
 * <p>Requirements files named with {@code -r} are not part of it: they are documents of their own
 * when the scan reaches them. When the command names a constraints file ({@code -c}), its registry
 * requirements are taken as pinned there ({@link Dependency#pinnedElsewhere()}), since that file is
 * not read from here.
 */
public final class InstallCommandDocument implements GradesFloatingVersions, NamesIndexOptions {

    private final Source source;
    private final String command;
    private final List<Dependency> dependencies;
    private final List<IndexSetting> indexSettings;
    private final Map<IndexSetting, Location> optionNames;
    private final Severity floatingVersionSeverity;

    InstallCommandDocument(Source source, String command, List<Dependency> dependencies,
                           IndexSettings.Built indexes, Severity floatingVersionSeverity) {
        this.source = Objects.requireNonNull(source, "source");
        this.command = Objects.requireNonNull(command, "command");
        this.dependencies = List.copyOf(dependencies);
        this.indexSettings = indexes.settings();
        this.optionNames = indexes.optionNames();
        this.floatingVersionSeverity = Objects.requireNonNull(floatingVersionSeverity, "floatingVersionSeverity");
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String kind() {
        return "install-command";
    }

    /**
     * How the installer is called: {@code pip install}, {@code pip download}, {@code uv pip install},
     * {@code uv add}, {@code uv tool install} or {@code pipx install}.
     */
    public String command() {
        return command;
    }

    @Override
    public List<Dependency> dependencies() {
        return dependencies;
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return indexSettings;
    }

    @Override
    public Optional<Location> optionName(IndexSetting setting) {
        return Optional.ofNullable(optionNames.get(setting));
    }

    @Override
    public String primaryIndexOption() {
        return "--index-url";
    }

    /**
     * {@link Severity#MEDIUM}: a command installs exactly what it names. The packaging tools that
     * nearly every pipeline upgrades before installing ({@code pip}, {@code setuptools},
     * {@code wheel}) are put in a document of their own that answers {@link Severity#LOW}.
     */
    @Override
    public Optional<Severity> floatingVersionSeverity() {
        return Optional.of(floatingVersionSeverity);
    }
}

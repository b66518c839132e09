package dev.veritensor.rules.pip.requirements;

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
 * A parsed pip requirements file ({@code requirements.txt}, a constraints file, a pip-tools
 * {@code .in} input): its requirements, the index options it sets, the files it pulls in with
 * {@code -r} and {@code -c}, and whether it demands hash checking.
 *
 * <p>Index settings are the options pip applies: those written on a line of their own. pip
 * ignores index options written on a requirement line; the parser reports them as diagnostics
 * and they are not settings here.
 */
public final class RequirementsDocument implements GradesFloatingVersions, NamesIndexOptions {

    /** What the file is for, from its name. */
    public enum Role {
        /** Installed as listed ({@code requirements.txt}, files included with {@code -r}). */
        REQUIREMENTS,
        /** A constraints file ({@code constraints*.txt}): pins versions, installs nothing by itself. */
        CONSTRAINTS,
        /** A pip-tools input ({@code requirements.in}) that {@code pip-compile} pins into a {@code .txt}. */
        PIP_TOOLS_INPUT
    }

    private final Source source;
    private final Role role;
    private final List<RequirementLine> requirements;
    private final List<Dependency> dependencies;
    private final List<IndexSetting> indexSettings;
    private final Map<IndexSetting, Location> optionNames;
    private final List<FileReference> references;
    private final Optional<Location> requireHashes;

    /** A document; {@code indexOptions} maps each index setting, in source order, to where its option is named. */
    RequirementsDocument(Source source, Role role, List<RequirementLine> requirements,
                         Map<IndexSetting, Location> indexOptions, List<FileReference> references,
                         Optional<Location> requireHashes) {
        this.source = Objects.requireNonNull(source, "source");
        this.role = Objects.requireNonNull(role, "role");
        this.requirements = List.copyOf(requirements);
        this.dependencies = this.requirements.stream().map(RequirementLine::dependency).toList();
        this.indexSettings = List.copyOf(indexOptions.keySet());
        this.optionNames = Map.copyOf(indexOptions);
        this.references = List.copyOf(references);
        this.requireHashes = Objects.requireNonNull(requireHashes, "requireHashes");
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String kind() {
        return "requirements";
    }

    /** What the file is for. */
    public Role role() {
        return role;
    }

    /** The requirement and {@code -e} lines in order. */
    public List<RequirementLine> requirements() {
        return requirements;
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

    /** The {@code -r} and {@code -c} lines in order. */
    public List<FileReference> references() {
        return references;
    }

    /** Where the file says {@code --require-hashes}, when it does. */
    public Optional<Location> requireHashes() {
        return requireHashes;
    }

    /**
     * Whether pip checks hashes when installing this file: it says {@code --require-hashes} or at
     * least one requirement carries a hash.
     */
    public boolean hashCheckingMode() {
        return requireHashes.isPresent() || dependencies.stream().anyMatch(d -> !d.hashes().isEmpty());
    }

    /**
     * {@link Severity#MEDIUM} for files pip installs from, {@link Severity#LOW} for pip-tools inputs,
     * whose versions {@code pip-compile} pins in the compiled file, and nothing for constraints files:
     * a constraint installs nothing, and a range there ({@code x!=4.51.0}, {@code y>=1.2}) only fails
     * to pin, which is reported on the requirement it leaves floating.
     */
    @Override
    public Optional<Severity> floatingVersionSeverity() {
        return switch (role) {
            case REQUIREMENTS -> Optional.of(Severity.MEDIUM);
            case PIP_TOOLS_INPUT -> Optional.of(Severity.LOW);
            case CONSTRAINTS -> Optional.empty();
        };
    }
}

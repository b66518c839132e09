package dev.veritensor.rules.pip.model;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;

import java.util.Optional;

/**
 * A document whose index settings are written as named options or keys
 * ({@code --extra-index-url URL}, {@code extra-index-url = URL}), so a fix can rename one: turning
 * a lone extra index into the primary index is a change of the option's name.
 */
public interface NamesIndexOptions extends ConfiguresIndexes {

    /** Where the option or key that produced {@code setting} is named, when this document wrote it. */
    Optional<Location> optionName(IndexSetting setting);

    /** How this format spells the option that sets the primary index, e.g. {@code --index-url}. */
    String primaryIndexOption();
}

package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;

import java.util.List;

/**
 * One tool's index configuration as one file states it, with the tool's own rules for which
 * indexes serve which package. Implementations model the documented behaviour of pip, Poetry,
 * uv, PDM and Pipenv; they are immutable values built by the parsers.
 */
public sealed interface IndexConfig permits PipIndexes, PoetrySources, UvIndexes, PdmSources, PipfileSources {

    /** The tool whose behaviour this models, for messages: {@code pip}, {@code Poetry}, {@code uv}, ... */
    String tool();

    /** Whether the file configures any index for the tool (else the tool's default, or the environment, decides). */
    boolean configuresIndexes();

    /** How the tool would look {@code dependency} up. */
    Resolution resolve(Dependency dependency);

    /** The settings in the shared {@link IndexSetting} view, roles and ranks as the tool applies them. */
    List<IndexSetting> indexSettings();
}

package dev.veritensor.rules.pip.script;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;

import java.util.List;
import java.util.Objects;

/**
 * The pip and uv index settings that a script's environment carries, derived by
 * {@link PipScriptParser}: the variables ({@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL},
 * {@code UV_INDEX}, …) that the enclosing file sets ({@code env:}, {@code variables:},
 * {@code ENV}/{@code ARG}) or that the script assigns, exports or writes to {@code $GITHUB_ENV},
 * and the keys it stores with {@code pip config set}. They configure every installer the job runs,
 * including those no script line names ({@code make install}, an action), so they are settings of
 * their own, located at the variable's value.
 *
 * <p>A variable set once for a whole workflow or job reaches every script of it; each script's
 * document then holds the same setting at the same location, the rules report the same finding,
 * and the engine keeps one.
 */
public final class ScriptEnvironmentDocument implements ConfiguresIndexes {

    /**
     * A uv index strategy the environment sets ({@code UV_INDEX_STRATEGY}).
     *
     * @param value    the strategy as written
     * @param location span of the value
     */
    public record IndexStrategy(String value, Location location) {
        public IndexStrategy {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
        }
    }

    private final Source source;
    private final List<IndexSetting> indexSettings;
    private final List<IndexStrategy> uvIndexStrategies;

    ScriptEnvironmentDocument(Source source, List<IndexSetting> indexSettings, List<IndexStrategy> uvIndexStrategies) {
        this.source = Objects.requireNonNull(source, "source");
        this.indexSettings = List.copyOf(indexSettings);
        this.uvIndexStrategies = List.copyOf(uvIndexStrategies);
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String kind() {
        return "script-environment";
    }

    /**
     * Every index setting in order. uv indexes are {@link IndexSetting.Role#EXTRA} when the
     * environment sets an unsafe index strategy, else ranked {@link IndexSetting.Role#PRIMARY}
     * entries (see {@link IndexSettings}).
     */
    @Override
    public List<IndexSetting> indexSettings() {
        return indexSettings;
    }

    /** The {@code UV_INDEX_STRATEGY} values the environment sets, in order. */
    public List<IndexStrategy> uvIndexStrategies() {
        return uvIndexStrategies;
    }
}

package dev.veritensor.rules.pip.script;

import dev.veritensor.rules.pip.script.CommandRecognizer.Tool;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The environment variables and {@code pip config} keys that choose indexes, and what each
 * means:
 * <ul>
 *   <li>pip: {@code PIP_INDEX_URL}, and the whitespace-separated lists {@code PIP_EXTRA_INDEX_URL},
 *       {@code PIP_TRUSTED_HOST}, {@code PIP_FIND_LINKS}; the keys {@code index-url},
 *       {@code extra-index-url}, {@code trusted-host}, {@code find-links} of the sections
 *       {@code global}, {@code install} and {@code download};</li>
 *   <li>uv: {@code UV_DEFAULT_INDEX} and {@code UV_INDEX_URL} (the default index), the
 *       whitespace-separated lists {@code UV_INDEX} ({@code [name=]url} entries),
 *       {@code UV_EXTRA_INDEX_URL} and {@code UV_INSECURE_HOST}, and {@code UV_INDEX_STRATEGY}.</li>
 * </ul>
 */
final class IndexVariables {

    /**
     * What a variable or key sets.
     *
     * @param tool    the installer that reads it
     * @param meaning the option it stands for
     * @param list    whether its value is a whitespace-separated list
     */
    record Kind(Tool tool, Meaning meaning, boolean list) {
    }

    private static final Map<String, Kind> VARIABLES = Map.of(
            "PIP_INDEX_URL", new Kind(Tool.PIP, Meaning.DEFAULT_INDEX, false),
            "PIP_EXTRA_INDEX_URL", new Kind(Tool.PIP, Meaning.EXTRA_INDEX, true),
            "PIP_TRUSTED_HOST", new Kind(Tool.PIP, Meaning.TRUSTED_HOST, true),
            "PIP_FIND_LINKS", new Kind(Tool.PIP, Meaning.FIND_LINKS, true),
            "UV_DEFAULT_INDEX", new Kind(Tool.UV, Meaning.DEFAULT_INDEX, false),
            "UV_INDEX_URL", new Kind(Tool.UV, Meaning.DEFAULT_INDEX, false),
            "UV_INDEX", new Kind(Tool.UV, Meaning.INDEX, true),
            "UV_EXTRA_INDEX_URL", new Kind(Tool.UV, Meaning.EXTRA_INDEX, true),
            "UV_INSECURE_HOST", new Kind(Tool.UV, Meaning.TRUSTED_HOST, true),
            "UV_INDEX_STRATEGY", new Kind(Tool.UV, Meaning.INDEX_STRATEGY, false));

    private static final Map<String, Kind> CONFIG_KEYS = Map.of(
            "index-url", new Kind(Tool.PIP, Meaning.DEFAULT_INDEX, false),
            "extra-index-url", new Kind(Tool.PIP, Meaning.EXTRA_INDEX, true),
            "trusted-host", new Kind(Tool.PIP, Meaning.TRUSTED_HOST, true),
            "find-links", new Kind(Tool.PIP, Meaning.FIND_LINKS, true));

    private static final Set<String> CONFIG_SECTIONS = Set.of("global", "install", "download");

    private IndexVariables() {
    }

    /** What the environment variable {@code name} sets, if it is one of these. */
    static Optional<Kind> variable(String name) {
        return Optional.ofNullable(VARIABLES.get(name));
    }

    /** What the {@code pip config} key {@code section.key} sets, if it is one of these. */
    static Optional<Kind> configKey(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0 || !CONFIG_SECTIONS.contains(dotted.substring(0, dot))) {
            return Optional.empty();
        }
        return Optional.ofNullable(CONFIG_KEYS.get(dotted.substring(dot + 1)));
    }
}

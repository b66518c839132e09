package dev.veritensor.rules.pip.script;

import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.script.CommandRecognizer.Tool;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link IndexItem}s into the shared {@link IndexSetting} view with the roles each installer
 * gives them.
 * <ul>
 *   <li>pip (and pipx, which installs with pip): the index URL is the primary index, every extra
 *       index and find-links location is searched beside it and the best version wins. A
 *       command-line {@code --index-url} replaces the environment's; extra indexes, find-links
 *       and trusted hosts from the environment and from the command line add up (pip appends
 *       command-line values to those of its configuration).</li>
 *   <li>uv: each option given on the command line replaces its environment variable. Under uv's
 *       default {@code first-index} strategy, {@code --index} and {@code --extra-index-url}
 *       indexes are consulted in turn before the default index, each package coming from the first
 *       index that has it, so they are ranked {@link IndexSetting.Role#PRIMARY} entries; under
 *       {@code unsafe-first-match} and {@code unsafe-best-match} they are
 *       {@link IndexSetting.Role#EXTRA} beside the default index, all of one rank.</li>
 * </ul>
 * Trusted and insecure hosts are {@link IndexSetting.Role#TRUSTED_HOST} without TLS verification.
 */
final class IndexSettings {

    /**
     * Settings and, for those a plainly written option set, where the option is named.
     *
     * @param settings    the settings in order
     * @param optionNames option name spans by setting
     */
    record Built(List<IndexSetting> settings, Map<IndexSetting, Location> optionNames) {
        Built {
            settings = List.copyOf(settings);
            optionNames = Map.copyOf(optionNames);
        }
    }

    private IndexSettings() {
    }

    /** The settings an installer command runs with: its environment's and its own {@code options}. */
    static Built forCommand(Tool tool, IndexEnvironment environment, List<IndexItem> options) {
        List<IndexItem> items = new ArrayList<>();
        if (tool == Tool.UV) {
            fromUvEnvironment(environment, options, Meaning.INDEX, items, "UV_INDEX");
            fromUvEnvironment(environment, options, Meaning.EXTRA_INDEX, items, "UV_EXTRA_INDEX_URL");
            if (fromUvEnvironment(environment, options, Meaning.DEFAULT_INDEX, items, "UV_DEFAULT_INDEX")) {
                fromUvEnvironment(environment, options, Meaning.DEFAULT_INDEX, items, "UV_INDEX_URL");
            }
            fromUvEnvironment(environment, options, Meaning.TRUSTED_HOST, items, "UV_INSECURE_HOST");
        } else {
            if (options.stream().noneMatch(o -> o.meaning() == Meaning.DEFAULT_INDEX)) {
                environment.pip(Meaning.DEFAULT_INDEX).ifPresent(d -> items.addAll(d.items()));
            }
            for (Meaning m : List.of(Meaning.EXTRA_INDEX, Meaning.FIND_LINKS, Meaning.TRUSTED_HOST)) {
                environment.pip(m).ifPresent(d -> items.addAll(d.items()));
            }
        }
        items.addAll(options);
        boolean merged = tool == Tool.UV && isUnsafe(strategy(environment, options));
        return build(tool, items, merged);
    }

    /** The settings of variables and stored keys, each with the role its installer gives it. */
    static Built forDefinitions(List<IndexEnvironment.Definition> definitions) {
        String strategy = "";
        for (IndexEnvironment.Definition d : definitions) {
            if (d.kind().meaning() == Meaning.INDEX_STRATEGY) {
                strategy = d.value();
            }
        }
        List<IndexItem> pip = new ArrayList<>();
        List<IndexItem> uv = new ArrayList<>();
        for (IndexEnvironment.Definition d : definitions) {
            if (d.kind().meaning() != Meaning.INDEX_STRATEGY) {
                (d.kind().tool() == Tool.UV ? uv : pip).addAll(d.items());
            }
        }
        Built p = build(Tool.PIP, pip, false);
        Built u = build(Tool.UV, uv, isUnsafe(strategy));
        List<IndexSetting> all = new ArrayList<>(p.settings());
        all.addAll(u.settings());
        return new Built(all, Map.of());
    }

    /** Whether a uv index strategy value searches every index ({@code unsafe-first-match}, {@code unsafe-best-match}). */
    private static boolean isUnsafe(String strategy) {
        String s = strategy.strip();
        return s.equals("unsafe-first-match") || s.equals("unsafe-best-match");
    }

    /** Adds the environment's value for {@code meaning} unless the command line gives one; true when none was added. */
    private static boolean fromUvEnvironment(IndexEnvironment environment, List<IndexItem> options, Meaning meaning,
                                             List<IndexItem> out, String variable) {
        if (options.stream().anyMatch(o -> o.meaning() == meaning)) {
            return false;
        }
        Optional<IndexEnvironment.Definition> d = environment.variable(variable);
        d.ifPresent(def -> out.addAll(def.items()));
        return d.isEmpty();
    }

    private static String strategy(IndexEnvironment environment, List<IndexItem> options) {
        String strategy = environment.variable("UV_INDEX_STRATEGY").map(IndexEnvironment.Definition::value).orElse("");
        for (IndexItem o : options) {
            if (o.meaning() == Meaning.INDEX_STRATEGY) {
                strategy = o.value();
            }
        }
        return strategy;
    }

    private static Built build(Tool tool, List<IndexItem> items, boolean merged) {
        boolean uv = tool == Tool.UV;
        int indexes = (int) items.stream().filter(i -> i.meaning() == Meaning.INDEX).count();
        int consulted = indexes + (int) items.stream().filter(i -> i.meaning() == Meaning.EXTRA_INDEX).count();
        List<IndexSetting> settings = new ArrayList<>();
        Map<IndexSetting, Location> names = new LinkedHashMap<>();
        int indexRank = 0;
        int extraRank = indexes;
        for (IndexItem i : items) {
            IndexSetting.Role role;
            int priority = 0;
            switch (i.meaning()) {
                case DEFAULT_INDEX -> {
                    role = IndexSetting.Role.PRIMARY;
                    priority = uv && !merged ? consulted : 0;
                }
                case INDEX, EXTRA_INDEX -> {
                    // uv consults --index entries, then --extra-index-url entries, then the default index
                    role = uv && !merged ? IndexSetting.Role.PRIMARY : IndexSetting.Role.EXTRA;
                    priority = !uv || merged ? 0 : i.meaning() == Meaning.INDEX ? indexRank++ : extraRank++;
                }
                case FIND_LINKS -> role = IndexSetting.Role.FIND_LINKS;
                case TRUSTED_HOST -> role = IndexSetting.Role.TRUSTED_HOST;
                case NO_INDEX -> role = IndexSetting.Role.NO_INDEX;
                default -> {
                    continue;
                }
            }
            IndexSetting s = new IndexSetting(role, i.value(), i.name(), priority,
                    role != IndexSetting.Role.TRUSTED_HOST, i.location());
            settings.add(s);
            i.optionName().ifPresent(l -> names.put(s, l));
        }
        return new Built(settings, names);
    }
}

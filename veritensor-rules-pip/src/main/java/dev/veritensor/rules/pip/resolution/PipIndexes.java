package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pip's view of indexes: one primary index (the last {@code --index-url}/{@code index-url}, else
 * PyPI), every extra index and find-links location searched as well, and the best version from
 * any of them installed. {@code --no-index} leaves only find-links. The settings of the file come
 * first; those of a {@code pip.conf} in the project apply where the file sets nothing of its own.
 *
 * @param file   the settings written in the file itself
 * @param config the settings of the project's {@code pip.conf}/{@code pip.ini} files
 */
public record PipIndexes(List<IndexSetting> file, List<IndexSetting> config) implements IndexConfig {

    public PipIndexes {
        file = List.copyOf(file);
        config = List.copyOf(config);
    }

    @Override
    public String tool() {
        return "pip";
    }

    @Override
    public boolean configuresIndexes() {
        return all().stream().anyMatch(s -> s.role() != IndexSetting.Role.TRUSTED_HOST);
    }

    @Override
    public Resolution resolve(Dependency dependency) {
        List<IndexSetting> all = all();
        boolean noIndex = all.stream().anyMatch(s -> s.role() == IndexSetting.Role.NO_INDEX);
        List<Candidate> out = new ArrayList<>();
        if (!noIndex) {
            Optional<IndexSetting> primary = lastPrimary(file).or(() -> lastPrimary(config));
            out.add(primary.map(p -> Candidate.of(p.url(), Optional.empty())).orElse(Candidate.implicitPypi()));
            for (IndexSetting s : all) {
                if (s.role() == IndexSetting.Role.EXTRA) {
                    out.add(Candidate.of(s.url(), Optional.empty()));
                }
            }
        }
        for (IndexSetting s : all) {
            if (s.role() == IndexSetting.Role.FIND_LINKS) {
                out.add(Candidate.of(s.url(), Optional.empty()));
            }
        }
        return new Resolution(tool(), Resolution.Mode.BEST_MATCH, out,
                "searches its index, every extra index and find-links location and installs the best version");
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return file;
    }

    private List<IndexSetting> all() {
        List<IndexSetting> all = new ArrayList<>(file);
        all.addAll(config);
        return all;
    }

    private static Optional<IndexSetting> lastPrimary(List<IndexSetting> settings) {
        IndexSetting last = null;
        for (IndexSetting s : settings) {
            if (s.role() == IndexSetting.Role.PRIMARY) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }
}

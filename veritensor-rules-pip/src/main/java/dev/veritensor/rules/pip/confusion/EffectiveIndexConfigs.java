package dev.veritensor.rules.pip.confusion;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.ProjectView;
import dev.veritensor.rules.pip.conf.PipConfDocument;
import dev.veritensor.rules.pip.pipenv.PipfileDocument;
import dev.veritensor.rules.pip.project.ManifestDocument;
import dev.veritensor.rules.pip.project.ProjectFiles;
import dev.veritensor.rules.pip.pyproject.PdmTomlDocument;
import dev.veritensor.rules.pip.pyproject.PyprojectDocument;
import dev.veritensor.rules.pip.pyproject.UvTomlDocument;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PipIndexes;
import dev.veritensor.rules.pip.resolution.UvIndexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index configurations that apply to a document's dependencies once the files around it are
 * taken into account:
 * <ul>
 *   <li>a {@code pyproject.toml} uses the tools it configures; a {@code uv.toml} in the same
 *       directory replaces its {@code [tool.uv]} settings (the {@code [tool.uv.sources]} pins
 *       stay); a {@code pdm.toml} in the same directory adds its indexes to PDM's sources (see
 *       {@link PdmTomlDocument#combinedWith}); a file that configures no tool is installed by pip;</li>
 *   <li>pip (requirements files, {@code setup.cfg}, install commands, unconfigured
 *       {@code pyproject.toml}) also applies the settings of every {@code pip.conf}/{@code pip.ini}
 *       of the scan;</li>
 *   <li>a {@code Pipfile} uses its sources.</li>
 * </ul>
 */
public final class EffectiveIndexConfigs {

    private EffectiveIndexConfigs() {
    }

    /** The configurations under which {@code document}'s dependencies are resolved. */
    public static List<IndexConfig> forDependenciesOf(Document document, ProjectView project) {
        List<IndexSetting> pipConf = new ArrayList<>();
        for (PipConfDocument conf : project.documents(PipConfDocument.class)) {
            pipConf.addAll(conf.indexSettings());
        }
        if (document instanceof PyprojectDocument pyproject) {
            List<IndexConfig> out = new ArrayList<>(toolConfigs(pyproject, project));
            if (out.isEmpty()) {
                out.add(new PipIndexes(List.of(), pipConf));
            }
            return out;
        }
        if (document instanceof ManifestDocument manifest) {
            return manifest.indexConfigs().stream()
                    .map(c -> c instanceof PipIndexes pip ? new PipIndexes(pip.file(), pipConf) : c)
                    .toList();
        }
        List<IndexSetting> own = document instanceof ConfiguresIndexes c ? c.indexSettings() : List.of();
        return List.of(new PipIndexes(own, pipConf));
    }

    /**
     * The tool configurations a document states itself, as written: those of a
     * {@code pyproject.toml} (its {@code [tool.uv]} settings included even where a {@code uv.toml}
     * beside it currently takes precedence), a {@code uv.toml}, a {@code Pipfile}.
     */
    public static List<IndexConfig> statedBy(Document document) {
        if (document instanceof PyprojectDocument pyproject) {
            return pyproject.indexConfigs();
        }
        if (document instanceof UvTomlDocument uvToml) {
            List<IndexConfig> out = new ArrayList<>();
            out.add(uvToml.uv());
            uvToml.uvPip().ifPresent(out::add);
            return out;
        }
        if (document instanceof PipfileDocument pipfile) {
            return List.of(pipfile.sources());
        }
        return List.of();
    }

    private static List<IndexConfig> toolConfigs(PyprojectDocument pyproject, ProjectView project) {
        Optional<UvTomlDocument> uvToml = ProjectFiles.beside(pyproject, UvTomlDocument.class, project).stream()
                .findFirst();
        List<IndexConfig> out = new ArrayList<>();
        pyproject.poetry().ifPresent(out::add);
        if (uvToml.isPresent()) {
            UvIndexes settings = uvToml.get().uv();
            out.add(new UvIndexes(settings.tool(), settings.indexes(), settings.strategy(), settings.noIndex(),
                    pyproject.uv().map(UvIndexes::pins).orElse(settings.pins()), settings.insecureHosts()));
            uvToml.get().uvPip().ifPresent(out::add);
        } else {
            pyproject.uv().ifPresent(out::add);
            pyproject.uvPip().ifPresent(out::add);
        }
        Optional<PdmTomlDocument> pdmToml = ProjectFiles.beside(pyproject, PdmTomlDocument.class, project).stream()
                .findFirst();
        if (pdmToml.isPresent()) {
            out.add(pdmToml.get().combinedWith(pyproject.pdm()));
        } else {
            pyproject.pdm().ifPresent(out::add);
        }
        return out;
    }
}

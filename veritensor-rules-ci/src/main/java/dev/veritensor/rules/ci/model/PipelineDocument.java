package dev.veritensor.rules.ci.model;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CI file as this pack models it, whatever its format: the scripts it runs grouped by job, the
 * container images it names and the values it configures literally. Rules that apply to GitHub
 * Actions, GitLab CI and Dockerfiles alike read documents through this view.
 */
public interface PipelineDocument extends ContainsScripts {

    /** The file's jobs with their scripts, in source order. */
    List<ScriptedJob> scriptedJobs();

    /**
     * Every distinct script of the scripted jobs, in source order. A script that several jobs share
     * through a YAML alias (or GitLab's {@code default:}) is listed once per distinct
     * environment.
     */
    List<ParsedScript> parsedScripts();

    /** The container images the file names, in source order. */
    List<ImageReference> images();

    /** The values the file configures, in source order. */
    List<ConfiguredValue> configuredValues();

    @Override
    default List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (ParsedScript s : parsedScripts()) {
            out.add(s.script());
        }
        return out;
    }

    /** The distinct scripts of {@code jobs} in source order, for implementations of {@link #parsedScripts()}. */
    static List<ParsedScript> distinctScripts(List<ScriptedJob> jobs) {
        Map<Script, ParsedScript> distinct = new LinkedHashMap<>();
        for (ScriptedJob job : jobs) {
            for (ParsedScript s : job.scripts()) {
                distinct.putIfAbsent(s.script(), s);
            }
        }
        List<ParsedScript> out = new ArrayList<>(distinct.values());
        out.sort((a, b) -> a.script().location().compareTo(b.script().location()));
        return List.copyOf(out);
    }
}

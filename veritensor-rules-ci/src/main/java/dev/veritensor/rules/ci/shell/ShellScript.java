package dev.veritensor.rules.ci.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed shell script: its pipelines in source order. Command and process substitutions are
 * parsed too and hang off the words that contain them; {@link #allPipelines()} and
 * {@link #allCommands()} include them.
 *
 * @param pipelines the top-level pipelines in source order
 */
public record ShellScript(List<Pipeline> pipelines) {

    public ShellScript {
        pipelines = List.copyOf(pipelines);
    }

    /** Every pipeline, those inside substitutions included, in source order. */
    public List<Pipeline> allPipelines() {
        List<Pipeline> out = new ArrayList<>();
        collect(this, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Every simple command, those inside substitutions included, in source order. */
    public List<SimpleCommand> allCommands() {
        List<SimpleCommand> out = new ArrayList<>();
        for (Pipeline p : allPipelines()) {
            out.addAll(p.commands());
        }
        return out;
    }

    private static void collect(ShellScript script, List<Pipeline> out) {
        for (Pipeline p : script.pipelines) {
            out.add(p);
            for (SimpleCommand c : p.commands()) {
                for (Word w : c.assignments()) {
                    w.substitutions().forEach(s -> collect(s, out));
                }
                for (Word w : c.words()) {
                    w.substitutions().forEach(s -> collect(s, out));
                }
                for (Redirect r : c.redirects()) {
                    r.target().ifPresent(w -> w.substitutions().forEach(s -> collect(s, out)));
                }
            }
        }
    }
}

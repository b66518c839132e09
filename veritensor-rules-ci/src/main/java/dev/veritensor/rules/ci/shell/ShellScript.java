package dev.veritensor.rules.ci.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed shell script: its pipelines in source order. Command and process substitutions are
 * parsed too and hang off the words that contain them; {@link #allPipelines()} and
 * {@link #allCommands()} include them. Immutable; the flattened views are computed once.
 */
public final class ShellScript {

    private final List<Pipeline> pipelines;
    private final List<Pipeline> allPipelines;
    private final List<SimpleCommand> allCommands;

    /** A script of the given top-level pipelines, in source order. */
    public ShellScript(List<Pipeline> pipelines) {
        this.pipelines = List.copyOf(pipelines);
        List<Pipeline> all = new ArrayList<>();
        collect(this.pipelines, all);
        all.sort((a, b) -> Integer.compare(a.start(), b.start()));
        this.allPipelines = List.copyOf(all);
        List<SimpleCommand> commands = new ArrayList<>();
        for (Pipeline p : all) {
            commands.addAll(p.commands());
        }
        this.allCommands = List.copyOf(commands);
    }

    /** The top-level pipelines in source order. */
    public List<Pipeline> pipelines() {
        return pipelines;
    }

    /** Every pipeline, those inside substitutions included, in source order. */
    public List<Pipeline> allPipelines() {
        return allPipelines;
    }

    /** Every simple command, those inside substitutions included, in source order. */
    public List<SimpleCommand> allCommands() {
        return allCommands;
    }

    private static void collect(List<Pipeline> pipelines, List<Pipeline> out) {
        for (Pipeline p : pipelines) {
            out.add(p);
            for (SimpleCommand c : p.commands()) {
                for (Word w : c.assignments()) {
                    w.substitutions().forEach(s -> out.addAll(s.allPipelines()));
                }
                for (Word w : c.words()) {
                    w.substitutions().forEach(s -> out.addAll(s.allPipelines()));
                }
                for (Redirect r : c.redirects()) {
                    r.target().ifPresent(w -> w.substitutions().forEach(s -> out.addAll(s.allPipelines())));
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShellScript s && s.pipelines.equals(pipelines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pipelines);
    }

    @Override
    public String toString() {
        return "ShellScript" + pipelines;
    }
}

package dev.veritensor.rules.ci.model;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.rules.ci.shell.ShellParser;
import dev.veritensor.rules.ci.shell.ShellScript;
import dev.veritensor.rules.ci.shell.Word;

import java.util.List;
import java.util.Objects;

/**
 * A script of a CI file together with its shell parse, and the mapping from offsets in
 * {@link Script#text()} back into the file. Parsed once, by the parser that builds the model, so
 * every rule reads the same commands.
 */
public final class ParsedScript {

    private final Script script;
    private final ShellScript shell;
    private final int[] lineStarts;

    private ParsedScript(Script script) {
        this.script = Objects.requireNonNull(script, "script");
        List<Script.Line> lines = script.lines();
        this.lineStarts = new int[lines.size()];
        int offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = offset;
            offset += lines.get(i).text().length() + 1;
        }
        this.shell = ShellParser.parse(script.text());
    }

    /** Parses {@code script}'s text as shell. */
    public static ParsedScript of(Script script) {
        return new ParsedScript(script);
    }

    /** The script as the api exposes it. */
    public Script script() {
        return script;
    }

    /** The shell parse of the script's text. */
    public ShellScript shell() {
        return shell;
    }

    /**
     * The file location of script-text offsets {@code [start, end)}: exact on verbatim lines,
     * the line's location otherwise; a range running past its first line ends at that line's end.
     */
    public Location locate(int start, int end) {
        if (lineStarts.length == 0) {
            return script.location();
        }
        int line = lineIndex(start);
        Script.Line l = script.lines().get(line);
        int from = Math.max(0, Math.min(start - lineStarts[line], l.text().length()));
        int to = Math.max(from, Math.min(end - lineStarts[line], l.text().length()));
        return l.locate(from, to);
    }

    /** The file location of a word of the script. */
    public Location locate(Word word) {
        return locate(word.start(), word.end());
    }

    private int lineIndex(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}

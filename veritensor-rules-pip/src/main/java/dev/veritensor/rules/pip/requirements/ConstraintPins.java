package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the project names that constraints files pin to one exact version for an install of a
 * requirements file. pip applies every {@code -c} file met anywhere in an install to the whole
 * install, so the walk follows {@code -r} and {@code -c} references transitively; a file counts as
 * constraints when the reference that reached it is {@code -c} (pip reads a {@code -r} inside a
 * constraints file as requirements). Each file is read at most once per role, which ends cycles,
 * and at most {@link #MAX_FILES} files are read.
 *
 * <p>Files are resolved through {@link ParseContext#include}, so each one is also scanned in its own
 * right; problems inside them are reported when they are parsed themselves, not here.
 */
final class ConstraintPins {

    /** Most files read for one requirements file. */
    static final int MAX_FILES = 256;

    private ConstraintPins() {
    }

    /**
     * The normalized names pinned by constraints reachable from {@code source}.
     *
     * @param resolved the files {@code source}'s own references resolved to, already included
     */
    static Set<String> collect(Source source, List<Resolved> resolved, ParseContext context) {
        Set<String> pins = new HashSet<>();
        Set<String> seen = new HashSet<>();
        seen.add(key(source.path(), false));
        Deque<Resolved> queue = new ArrayDeque<>(resolved);
        int read = 0;
        while (!queue.isEmpty() && read < MAX_FILES) {
            Resolved next = queue.removeFirst();
            if (!seen.add(key(next.source().path(), next.constraint()))) {
                continue;
            }
            RequirementsReader.Contents contents;
            try {
                contents = RequirementsReader.read(context.text(next.source()));
            } catch (DocumentParseException e) {
                continue;
            }
            read++;
            if (next.constraint()) {
                for (RequirementLine line : contents.requirements()) {
                    Dependency d = line.dependency();
                    if (d.kind() == Dependency.Kind.REGISTRY && d.isExactPin()) {
                        pins.add(d.normalizedName());
                    }
                }
            }
            for (FileReference ref : contents.references()) {
                context.include(next.source(), ref.reference(), ref.location())
                        .ifPresent(s -> queue.addLast(new Resolved(s, ref.constraint())));
            }
        }
        return pins;
    }

    /** A referenced file and whether it was referenced with {@code -c}. */
    record Resolved(Source source, boolean constraint) {
    }

    private static String key(String path, boolean constraint) {
        return (constraint ? "c:" : "r:") + path;
    }
}

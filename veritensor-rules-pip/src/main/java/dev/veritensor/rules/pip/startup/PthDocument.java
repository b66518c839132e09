package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.wheel.ArchiveMember;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A path configuration file ({@code *.pth}) as Python's {@code site.py} reads it at every
 * interpreter start: in the repository, inside an sdist, or installed into site-packages by a wheel.
 *
 * @param source  the file
 * @param archive the archive it is a member of, when it is one
 * @param lines   every line, classified
 */
public record PthDocument(Source source, Optional<ArchiveMember> archive, List<PthLine> lines) implements Document {

    public PthDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(archive, "archive");
        lines = List.copyOf(lines);
    }

    @Override
    public String kind() {
        return "pth";
    }

    /** The file name, e.g. {@code distutils-precedence.pth}. */
    public String fileName() {
        return source.fileName();
    }

    /** The lines site.py executes. */
    public List<PthLine> executedLines() {
        return lines.stream().filter(l -> l.kind() == PthLine.Kind.EXECUTED).toList();
    }
}

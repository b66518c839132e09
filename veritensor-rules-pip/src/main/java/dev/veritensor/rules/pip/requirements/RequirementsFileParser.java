package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses pip requirements files into {@link RequirementsDocument}s (id {@code pip/requirements}).
 *
 * <p>It takes {@code *requirements*.txt} and {@code *constraints*.txt} files, every {@code .txt} below
 * a folder named {@code requirements} (at any depth), and pip-tools inputs: {@code .in} files named like those or
 * in such a folder (so {@code MANIFEST.in} or {@code config.h.in} are not taken). Files named by a
 * {@code -r} or {@code -c} line are parsed too, whatever their name, relative to the including
 * file; references out of the scan root, to URLs or to missing files are reported and not
 * followed, and cycles end because each file is parsed once.
 *
 * <p>The grammar is pip's: see {@link LogicalLines} for comments and continuations and
 * {@link RequirementsReader} for lines and options. A requirement that a constraints file reached
 * through the {@code -r}/{@code -c} chain pins to one version is marked
 * {@link Dependency#pinnedElsewhere()}. Names are PEP 503 normalized.
 */
public final class RequirementsFileParser implements DocumentParser {

    /** This parser's id. */
    public static final String ID = "pip/requirements";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Source source) {
        String name = source.fileName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".txt") && !name.endsWith(".in")) {
            return false;
        }
        if (name.contains("requirements") || name.contains("constraints")) {
            return true;
        }
        // Any depth below a requirements/ folder: projects group them (requirements/pytorch/base.txt).
        String path = source.path().toLowerCase(Locale.ROOT);
        String folder = path.substring(0, path.length() - name.length());
        return folder.startsWith("requirements/") || folder.contains("/requirements/");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        SourceText text = context.text(source);
        RequirementsReader.Contents contents = RequirementsReader.read(text);
        contents.diagnostics().forEach(context::report);

        List<FileReference> references = new ArrayList<>();
        List<ConstraintPins.Resolved> resolved = new ArrayList<>();
        for (FileReference ref : contents.references()) {
            Optional<Source> target = context.include(source, ref.reference(), ref.location());
            if (target.isPresent()) {
                references.add(ref.resolvedTo(target.get().path()));
                resolved.add(new ConstraintPins.Resolved(target.get(), ref.constraint()));
            } else {
                references.add(ref);
            }
        }
        Set<String> pins = resolved.isEmpty() ? Set.of() : ConstraintPins.collect(source, resolved, context);

        List<RequirementLine> lines = new ArrayList<>();
        for (RequirementLine line : contents.requirements()) {
            Dependency d = line.dependency();
            boolean pinned = d.kind() == Dependency.Kind.REGISTRY && pins.contains(d.normalizedName());
            lines.add(pinned ? new RequirementLine(d.withPinnedElsewhere(true), line.editable(), line.urlLocation())
                    : line);
        }
        return List.of(new RequirementsDocument(source, role(source), lines, contents.indexOptions(), references,
                contents.requireHashes()));
    }

    private static RequirementsDocument.Role role(Source source) {
        String name = source.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".in")) {
            return RequirementsDocument.Role.PIP_TOOLS_INPUT;
        }
        return name.contains("constraints") ? RequirementsDocument.Role.CONSTRAINTS
                : RequirementsDocument.Role.REQUIREMENTS;
    }
}

package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel ({@code *.whl}) read as a whole: every file with its actual size and digests, and the
 * parsed {@code RECORD} that claims them.
 *
 * @param source   the wheel
 * @param entries  its files in archive order (directory entries left out; a name stored twice appears twice)
 * @param record   its RECORD, when the wheel has a readable one
 * @param complete false when the wheel could not be read in full — a limit, a damaged archive or an
 *                 unreadable RECORD, each reported as a diagnostic; files after the point where
 *                 reading stopped are not in {@code entries}
 */
public record WheelDocument(Source source, List<WheelEntry> entries, Optional<WheelRecord> record, boolean complete)
        implements Document {

    public WheelDocument {
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
        Objects.requireNonNull(record, "record");
    }

    @Override
    public String kind() {
        return "wheel";
    }

    /** The scan path of member {@code name}. */
    public String memberPath(String name) {
        return source.path() + "!/" + name;
    }
}

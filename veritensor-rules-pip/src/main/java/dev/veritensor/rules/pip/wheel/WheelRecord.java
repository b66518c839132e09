package dev.veritensor.rules.pip.wheel;

import java.util.List;

/**
 * The {@code RECORD} file of a wheel's {@code .dist-info} directory.
 *
 * @param member    its member name, e.g. {@code pkg-1.0.dist-info/RECORD}
 * @param scanPath  its scan path, e.g. {@code dist/pkg-1.0-py3-none-any.whl!/pkg-1.0.dist-info/RECORD}
 * @param rows      its rows, in order (blank lines skipped, malformed rows reported as diagnostics)
 */
public record WheelRecord(String member, String scanPath, List<RecordRow> rows) {

    public WheelRecord {
        rows = List.copyOf(rows);
    }

    /** The {@code .dist-info} directory, e.g. {@code pkg-1.0.dist-info}. */
    public String distInfo() {
        return member.substring(0, member.indexOf('/'));
    }

    /**
     * Whether {@code entry} need not be listed: the RECORD itself (it cannot hold its own hash) and
     * the signature files {@code RECORD.jws} and {@code RECORD.p7s} beside it.
     */
    public boolean isExempt(String entry) {
        return entry.equals(member) || entry.equals(member + ".jws") || entry.equals(member + ".p7s");
    }
}

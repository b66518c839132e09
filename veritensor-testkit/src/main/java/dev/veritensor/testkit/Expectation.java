package dev.veritensor.testkit;

/**
 * One expected finding or diagnostic written in a fixture: at {@code path}, starting on
 * {@code line}, with rule id (or diagnostic code) {@code id}.
 *
 * @param path       scan path of the file
 * @param line       1-based line where the finding starts
 * @param id         rule id, or diagnostic code when {@code diagnostic}
 * @param diagnostic whether a diagnostic rather than a finding is expected
 */
public record Expectation(String path, int line, String id, boolean diagnostic) implements Comparable<Expectation> {

    @Override
    public int compareTo(Expectation o) {
        int c = path.compareTo(o.path);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(diagnostic, o.diagnostic);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return path + ":" + line + " " + (diagnostic ? "diagnostic " : "") + id;
    }
}

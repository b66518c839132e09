package dev.veritensor.rules.pip.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads version constraints as the tools write them: PEP 440 specifier sets (PEP 621, Pipfile,
 * PDM, uv) and Poetry's constraint syntax ({@code ^1.2}, {@code ~1.2}, {@code 1.2.*},
 * {@code >=1,<2}, {@code >=1 <2}, {@code 1.0 || 2.0}). Unreadable text gives empty, never an
 * exception.
 */
public final class Constraints {

    private static final String[] OPERATORS = {"===", "==", "!=", "<=", ">=", "~=", "<", ">"};
    private static final Pattern POETRY_CLAUSE = Pattern.compile(
            "\\s*(\\^|~=|~|===|==|!=|<=|>=|<|>|=)?\\s*([0-9A-Za-z][0-9A-Za-z.*!+_-]*)\\s*,?");
    private static final int MAX_LENGTH = 1000;

    private Constraints() {
    }

    /** A PEP 440 specifier set ({@code >=1.0,<2}); empty text is every version. */
    public static Optional<VersionConstraint> pep440(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of(VersionConstraint.ANY);
        }
        if (t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<VersionConstraint> clauses = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            String p = part.strip();
            String op = null;
            for (String candidate : OPERATORS) {
                if (p.startsWith(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                return Optional.empty();
            }
            String version = p.substring(op.length()).strip();
            if (!validVersion(op, version)) {
                return Optional.empty();
            }
            clauses.add(new VersionConstraint.Clause(op, version));
        }
        return Optional.of(clauses.size() == 1 ? clauses.get(0) : new VersionConstraint.AllOf(clauses));
    }

    /**
     * A Poetry constraint: {@code *}, caret and tilde ranges, wildcards, bare versions (exact),
     * comparison clauses separated by commas or blanks, alternatives separated by {@code ||}.
     */
    public static Optional<VersionConstraint> poetry(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("*")) {
            return Optional.of(VersionConstraint.ANY);
        }
        if (t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<VersionConstraint> alternatives = new ArrayList<>();
        for (String alternative : t.split("\\|\\|?", -1)) {
            Optional<VersionConstraint> c = poetryConjunction(alternative.strip());
            if (c.isEmpty()) {
                return Optional.empty();
            }
            alternatives.add(c.get());
        }
        return Optional.of(alternatives.size() == 1 ? alternatives.get(0) : new VersionConstraint.AnyOf(alternatives));
    }

    private static Optional<VersionConstraint> poetryConjunction(String text) {
        if (text.equals("*")) {
            return Optional.of(VersionConstraint.ANY);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<VersionConstraint> clauses = new ArrayList<>();
        Matcher m = POETRY_CLAUSE.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos || m.end() == pos) {
                return Optional.empty();
            }
            String op = m.group(1) == null ? "" : m.group(1);
            String version = m.group(2);
            List<VersionConstraint> clause = poetryClause(op, version);
            if (clause.isEmpty()) {
                return Optional.empty();
            }
            clauses.addAll(clause);
            pos = m.end();
        }
        return Optional.of(clauses.size() == 1 ? clauses.get(0) : new VersionConstraint.AllOf(clauses));
    }

    private static List<VersionConstraint> poetryClause(String op, String version) {
        switch (op) {
            case "^", "~" -> {
                Optional<Version> v = Version.parse(version);
                if (v.isEmpty() || version.contains("*")) {
                    return List.of();
                }
                long[] r = v.get().release();
                int bump;
                if (op.equals("~")) {
                    bump = r.length == 1 ? 0 : 1;
                } else {
                    bump = r.length - 1;
                    for (int i = 0; i < r.length; i++) {
                        if (r[i] != 0) {
                            bump = i;
                            break;
                        }
                    }
                }
                long[] upper = new long[bump + 1];
                System.arraycopy(r, 0, upper, 0, bump + 1);
                upper[bump]++;
                StringBuilder u = new StringBuilder();
                for (int i = 0; i < upper.length; i++) {
                    u.append(i == 0 ? "" : ".").append(upper[i]);
                }
                return List.of(new VersionConstraint.Clause(">=", version), new VersionConstraint.Clause("<", u.toString()));
            }
            case "", "=" -> {
                if (version.equals("*")) {
                    return List.of(VersionConstraint.ANY);
                }
                return validVersion("==", version) ? List.of(new VersionConstraint.Clause("==", version)) : List.of();
            }
            default -> {
                return validVersion(op, version) ? List.of(new VersionConstraint.Clause(op, version)) : List.of();
            }
        }
    }

    private static boolean validVersion(String op, String version) {
        if (op.equals("===")) {
            return !version.isEmpty();
        }
        if (version.endsWith(".*")) {
            return (op.equals("==") || op.equals("!=")) && Version.parse(version.substring(0, version.length() - 2))
                    .filter(v -> !v.hasLocal() && !v.isPrerelease() && !v.isPostRelease()).isPresent();
        }
        if (op.equals("~=")) {
            return Version.parse(version).filter(v -> v.release().length >= 2 && !v.hasLocal()).isPresent();
        }
        return Version.parse(version).filter(v -> !v.hasLocal() || op.equals("==") || op.equals("!=")).isPresent();
    }
}

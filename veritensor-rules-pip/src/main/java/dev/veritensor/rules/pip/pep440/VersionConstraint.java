package dev.veritensor.rules.pip.pep440;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A set of versions a declaration accepts: PEP 440 specifier clauses, their conjunction (a
 * specifier set), a disjunction (Poetry's {@code ||}) or every version. Pre-releases are matched
 * like any other version: whether a resolver would have picked one is its preference, not part of
 * the range. Instances are immutable.
 */
public sealed interface VersionConstraint {

    /** Whether {@code version} lies in the range. */
    boolean allows(Version version);

    /** The PEP 440 spelling ({@code >=1.2,<2}); a disjunction joins its parts with {@code ||}. */
    String text();

    /** Every version. */
    VersionConstraint ANY = new Any();

    /** Every version: no specifier at all. */
    record Any() implements VersionConstraint {
        @Override
        public boolean allows(Version version) {
            return true;
        }

        @Override
        public String text() {
            return "";
        }
    }

    /**
     * One PEP 440 clause.
     *
     * @param operator one of {@code == != <= >= < > ~= ===}
     * @param version  the version text after the operator ({@code 1.2.*} for a prefix match)
     */
    record Clause(String operator, String version) implements VersionConstraint {
        public Clause {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public boolean allows(Version candidate) {
            if (operator.equals("===")) {
                return candidate.toString().equalsIgnoreCase(version.strip());
            }
            boolean prefix = version.endsWith(".*");
            Version v = Version.parse(prefix ? version.substring(0, version.length() - 2) : version).orElse(null);
            if (v == null) {
                return true;
            }
            return switch (operator) {
                case "==" -> prefix ? prefixMatch(candidate, v) : equal(candidate, v);
                case "!=" -> prefix ? !prefixMatch(candidate, v) : !equal(candidate, v);
                case "<=" -> candidate.withoutLocal().compareTo(v) <= 0;
                case ">=" -> candidate.withoutLocal().compareTo(v) >= 0;
                case "<" -> less(candidate, v);
                case ">" -> greater(candidate, v);
                case "~=" -> compatible(candidate, v);
                default -> true;
            };
        }

        @Override
        public String text() {
            return operator + version;
        }

        private static boolean equal(Version candidate, Version v) {
            return (v.hasLocal() ? candidate : candidate.withoutLocal()).compareTo(v) == 0;
        }

        /** {@code ==1.2.*}: the candidate's release starts with 1.2 (same epoch). */
        private static boolean prefixMatch(Version candidate, Version v) {
            if (candidate.epoch() != v.epoch()) {
                return false;
            }
            long[] prefix = v.release();
            for (int i = 0; i < prefix.length; i++) {
                if (candidate.segment(i) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** {@code <V} excludes pre-releases of V itself unless V is one. */
        private static boolean less(Version candidate, Version v) {
            Version c = candidate.withoutLocal();
            if (c.compareTo(v) >= 0) {
                return false;
            }
            return v.isPrerelease() || !c.isPrerelease() || c.baseVersion().compareTo(v.baseVersion()) != 0;
        }

        /** {@code >V} excludes post-releases and local versions of V itself unless V is a post-release. */
        private static boolean greater(Version candidate, Version v) {
            Version c = candidate.withoutLocal();
            if (c.compareTo(v) <= 0) {
                return false;
            }
            return v.isPostRelease() || !c.isPostRelease() || c.baseVersion().compareTo(v.baseVersion()) != 0;
        }

        /** {@code ~=1.4.5} means {@code >=1.4.5, ==1.4.*}. */
        private static boolean compatible(Version candidate, Version v) {
            long[] r = v.release();
            if (r.length < 2) {
                return candidate.withoutLocal().compareTo(v) >= 0;
            }
            long[] prefix = java.util.Arrays.copyOf(r, r.length - 1);
            return candidate.withoutLocal().compareTo(v) >= 0
                    && prefixMatch(candidate, Version.ofRelease(v.epoch(), prefix));
        }
    }

    /**
     * A conjunction: a version must satisfy every part (a PEP 440 specifier set).
     *
     * @param parts the clauses, at least one
     */
    record AllOf(List<VersionConstraint> parts) implements VersionConstraint {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean allows(Version version) {
            return parts.stream().allMatch(p -> p.allows(version));
        }

        @Override
        public String text() {
            return parts.stream().map(VersionConstraint::text).filter(t -> !t.isEmpty())
                    .collect(Collectors.joining(","));
        }
    }

    /**
     * A disjunction: a version must satisfy one part (Poetry's {@code ||}).
     *
     * @param parts the alternatives, at least two
     */
    record AnyOf(List<VersionConstraint> parts) implements VersionConstraint {
        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean allows(Version version) {
            return parts.stream().anyMatch(p -> p.allows(version));
        }

        @Override
        public String text() {
            return parts.stream().map(VersionConstraint::text).collect(Collectors.joining("||"));
        }
    }
}

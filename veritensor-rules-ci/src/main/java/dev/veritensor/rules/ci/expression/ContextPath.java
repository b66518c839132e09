package dev.veritensor.rules.ci.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The path of a context access such as {@code github.event.issue.title}, lower-cased (contexts and
 * properties are case-insensitive). Object filters ({@code .*}, {@code [*]}) and indexes that are
 * not string literals become the segment {@code *}, which stands for any property.
 *
 * @param segments the path's segments, the context name first
 */
public record ContextPath(List<String> segments) {

    /** The segment standing for any property. */
    public static final String ANY = "*";

    public ContextPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a context path has at least its context name");
        }
    }

    /** The path of a dotted pattern such as {@code github.event.commits.*.message}. */
    public static ContextPath of(String dotted) {
        List<String> parts = new ArrayList<>();
        for (String s : dotted.split("\\.", -1)) {
            parts.add(s.toLowerCase(Locale.ROOT));
        }
        return new ContextPath(parts);
    }

    /**
     * The path {@code e} accesses, when {@code e} is a chain of property, index and filter
     * accesses rooted at a context name.
     */
    public static Optional<ContextPath> of(Expr e) {
        List<String> reversed = new ArrayList<>();
        Expr current = e;
        while (true) {
            if (current instanceof Expr.ContextName c) {
                reversed.add(c.name().toLowerCase(Locale.ROOT));
                Collections.reverse(reversed);
                return Optional.of(new ContextPath(reversed));
            } else if (current instanceof Expr.Property p) {
                reversed.add(p.name().toLowerCase(Locale.ROOT));
                current = p.target();
            } else if (current instanceof Expr.Index i) {
                reversed.add(i.index() instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING
                        ? l.value().toLowerCase(Locale.ROOT) : ANY);
                current = i.target();
            } else if (current instanceof Expr.Wildcard w) {
                reversed.add(ANY);
                current = w.target();
            } else {
                return Optional.empty();
            }
        }
    }

    /** The context name, e.g. {@code github}. */
    public String context() {
        return segments.get(0);
    }

    /** Number of segments. */
    public int length() {
        return segments.size();
    }

    /**
     * Whether this path reaches what {@code pattern} names or something inside it: the pattern's
     * segments match this path's leading segments, {@code *} on either side matching any one.
     */
    public boolean reaches(ContextPath pattern) {
        return length() >= pattern.length() && matchesPrefix(pattern, pattern.length());
    }

    /**
     * Whether this path names an object that contains what {@code pattern} names: this path is
     * a proper prefix of the pattern ({@code github.event} contains
     * {@code github.event.issue.title}).
     */
    public boolean contains(ContextPath pattern) {
        return length() < pattern.length() && matchesPrefix(pattern, length());
    }

    private boolean matchesPrefix(ContextPath pattern, int n) {
        for (int i = 0; i < n; i++) {
            String a = segments.get(i);
            String b = pattern.segments.get(i);
            if (!a.equals(b) && !a.equals(ANY) && !b.equals(ANY)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}

package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one requirement into the shared {@link Dependency} model with exact locations.
 *
 * <p>Three entry points:
 * <ul>
 *   <li>{@link #parse} reads a PEP 508 requirement: {@code name [extras] specifier ; marker} or
 *       {@code name [extras] @ url ; marker}. Version specifiers may be parenthesised and spaced;
 *       every PEP 440 operator is checked with its own version syntax (wildcards and local labels
 *       only with {@code ==}/{@code !=}, two release segments for {@code ~=}, anything for
 *       {@code ===}). Markers are checked, not evaluated.</li>
 *   <li>{@link #parsePipArgument} reads what pip takes on a requirements line or on the
 *       {@code pip install} command line: a PEP 508 requirement, a URL ({@code git+https://…#egg=x},
 *       {@code https://…/x.whl}, {@code file:…}), or a local path or archive ({@code ./pkg[dev]},
 *       {@code dist/x-1.0.tar.gz}), with markers after {@code ;} (after {@code "; "} for URLs).</li>
 *   <li>{@link #parseEditable} reads the value of pip's {@code -e} option: a project directory or
 *       a VCS URL.</li>
 * </ul>
 *
 * <p>pip expands {@code ${VAR}} references before parsing, so a reference is accepted wherever a
 * version or URL is written and kept as written. Names are PEP 503 normalized. The string's place
 * in its file comes from a {@link TextOrigin}; surrounding blanks are not part of the requirement's
 * location.
 *
 * <p>Any input either parses or throws {@link RequirementSyntaxException} with a message naming
 * what was expected and the span of the offending text; no other exception escapes. The class is
 * stateless and thread-safe.
 */
public final class RequirementParser {

    private static final String RELEASE = "v?+(?:[0-9]++!)?+[0-9]++(?:\\.[0-9]++)*+";
    private static final String SUFFIXES = "(?:[-_.]?+(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?+[0-9]*+)?+"
            + "(?:-[0-9]++|[-_.]?+(?:post|rev|r)[-_.]?+[0-9]*+)?+"
            + "(?:[-_.]?+dev[-_.]?+[0-9]*+)?+";
    private static final String LOCAL = "(?:\\+[a-z0-9]++(?:[-_.][a-z0-9]++)*+)?+";
    private static final Pattern EQUALITY_VERSION = Pattern.compile(
            RELEASE + "\\.\\*|" + RELEASE + SUFFIXES + LOCAL, Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDERED_VERSION = Pattern.compile(RELEASE + SUFFIXES, Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPATIBLE_VERSION = Pattern.compile(
            "v?+(?:[0-9]++!)?+[0-9]++(?:\\.[0-9]++)++" + SUFFIXES, Pattern.CASE_INSENSITIVE);
    private static final Set<String> EDITABLE_VCS = Set.of("git", "hg", "svn", "bzr");
    private static final String[] OPERATORS = {"===", "==", "!=", "~=", "<=", ">=", "<", ">"};

    private RequirementParser() {
    }

    /**
     * Parses {@code text} as a PEP 508 requirement.
     *
     * @param text   the requirement, possibly with surrounding blanks, without a trailing comment
     * @param origin where {@code text} sits in its file
     * @throws RequirementSyntaxException when {@code text} is not a valid requirement
     */
    public static Requirement parse(String text, TextOrigin origin) throws RequirementSyntaxException {
        return new Pep508(text, origin, 0, text.length()).requirement();
    }

    /**
     * Parses {@code text} the way pip reads one requirement argument: a URL (by pip's schemes),
     * an archive file name or local path, or else a PEP 508 requirement. Unnamed URL and path
     * requirements get their name from an {@code #egg=} fragment or a wheel file name, or an
     * empty name when neither tells it; their name location is then the URL or path.
     *
     * @param text   the argument, possibly with surrounding blanks, without a trailing comment
     * @param origin where {@code text} sits in its file
     * @throws RequirementSyntaxException when {@code text} is none of these forms
     */
    public static Requirement parsePipArgument(String text, TextOrigin origin) throws RequirementSyntaxException {
        int start = skipBlanks(text, 0, text.length());
        int end = trimEnd(text, start, text.length());
        if (start >= end) {
            throw new RequirementSyntaxException("expected a requirement, found nothing", origin.span(start, start));
        }
        String body = text.substring(start, end);
        if (DirectReferences.isPipUrl(body)) {
            int found = text.indexOf("; ", start);
            int separator = found < end ? found : -1;
            int urlEnd = separator >= 0 ? trimEnd(text, start, separator) : end;
            return direct(text, start, urlEnd, end, markersAfter(text, separator, end, origin),
                    DirectReferences.kindOf(body), origin);
        }
        int found = text.indexOf(';', start);
        int semicolon = found < end ? found : -1;
        int headEnd = semicolon >= 0 ? trimEnd(text, start, semicolon) : end;
        String head = text.substring(start, headEnd);
        int at = head.indexOf('@');
        boolean namedUrl = at >= 0 && !looksLikePath(head.substring(0, at));
        Optional<String> markers = markersAfter(text, semicolon, end, origin);
        if (DirectReferences.isArchive(stripExtras(head)) && !namedUrl) {
            return direct(text, start, headEnd, end, markers, Dependency.Kind.PATH, origin);
        }
        Requirement named;
        try {
            named = new Pep508(text, origin, start, headEnd).requirement();
        } catch (RequirementSyntaxException e) {
            if (!looksLikePath(head)) {
                throw e;
            }
            return direct(text, start, headEnd, end, markers, Dependency.Kind.PATH, origin);
        }
        if (markers.isEmpty()) {
            return named;
        }
        Dependency d = named.dependency();
        return new Requirement(new Dependency(d.name(), d.normalizedName(), d.specifier(), d.kind(), d.url(),
                d.hashes(), d.index(), markers, d.extras(), false, origin.span(start, end), d.nameLocation()),
                named.urlLocation(), named.specifierLocation());
    }

    /**
     * Parses the value of pip's {@code -e}/{@code --editable} option: a local project directory
     * (maybe with extras, {@code ./pkg[dev]}) or a VCS URL. pip also takes {@code git:},
     * {@code hg:}, {@code svn:} and {@code bzr:} URLs here, reading them as {@code git+git:} and so
     * on. The name comes from an {@code #egg=} fragment, else it is empty.
     *
     * @throws RequirementSyntaxException for anything else, such as an archive URL
     */
    public static Requirement parseEditable(String text, TextOrigin origin) throws RequirementSyntaxException {
        int start = skipBlanks(text, 0, text.length());
        int end = trimEnd(text, start, text.length());
        if (start >= end) {
            throw new RequirementSyntaxException("expected a project path or VCS URL after -e, found nothing",
                    origin.span(start, start));
        }
        String body = text.substring(start, end);
        Optional<String> scheme = DirectReferences.scheme(body);
        Dependency.Kind kind;
        if (scheme.isPresent() && EDITABLE_VCS.contains(scheme.get())) {
            kind = Dependency.Kind.VCS;
        } else if (DirectReferences.isPipUrl(body)) {
            kind = DirectReferences.kindOf(body);
            if (kind == Dependency.Kind.URL) {
                throw new RequirementSyntaxException("'" + body + "' is not a valid editable requirement: it must be"
                        + " a local project directory or a VCS URL (git+, hg+, svn+, bzr+)", origin.span(start, end));
            }
        } else {
            kind = Dependency.Kind.PATH;
        }
        return direct(text, start, end, end, Optional.empty(), kind, origin);
    }

    /** Whether pip would take {@code text} for a path: it holds a path separator or starts with a dot. */
    static boolean looksLikePath(String text) {
        return text.indexOf('/') >= 0 || text.indexOf('\\') >= 0 || text.startsWith(".");
    }

    private static String stripExtras(String reference) {
        if (reference.endsWith("]")) {
            int open = reference.lastIndexOf('[');
            if (open > 0 && reference.indexOf(']', open) == reference.length() - 1) {
                return reference.substring(0, open);
            }
        }
        return reference;
    }

    private static Optional<String> markersAfter(String text, int separator, int end, TextOrigin origin)
            throws RequirementSyntaxException {
        if (separator < 0) {
            return Optional.empty();
        }
        int ms = skipBlanks(text, separator + 1, end);
        MarkerSyntax.check(text, ms, end, origin);
        return Optional.of(text.substring(ms, end));
    }

    /**
     * A URL or path requirement spanning {@code [start, end)} whose reference is
     * {@code [start, refEnd)}. Extras written after a path ({@code ./pkg[dev]}) are split off.
     */
    private static Requirement direct(String text, int start, int refEnd, int end, Optional<String> markers,
                                      Dependency.Kind kind, TextOrigin origin) throws RequirementSyntaxException {
        String reference = text.substring(start, refEnd);
        Location refLocation = origin.span(start, refEnd);
        List<String> extras = List.of();
        String name = "";
        Location nameLocation = refLocation;
        String url = reference;
        if (kind == Dependency.Kind.PATH && !DirectReferences.isPipUrl(reference)) {
            String bare = stripExtras(reference);
            if (bare.length() < reference.length()) {
                extras = extrasList(reference.substring(bare.length() + 1, reference.length() - 1),
                        origin.span(start + bare.length(), refEnd));
                url = bare;
            }
        }
        Optional<String> egg = DirectReferences.eggFragment(reference);
        if (egg.isPresent()) {
            String eggValue = egg.get();
            int hashEgg = reference.indexOf("#egg=" + eggValue);
            int ampEgg = reference.indexOf("&egg=" + eggValue);
            int eggAt = (hashEgg < 0 ? ampEgg : ampEgg < 0 ? hashEgg : Math.min(hashEgg, ampEgg)) + "#egg=".length();
            String bare = stripExtras(eggValue);
            if (bare.length() < eggValue.length()) {
                extras = extrasList(eggValue.substring(bare.length() + 1, eggValue.length() - 1),
                        origin.span(start + eggAt, start + eggAt + eggValue.length()));
            }
            if (isValidName(bare)) {
                name = bare;
                nameLocation = origin.span(start + eggAt, start + eggAt + bare.length());
            }
        } else {
            Optional<String> wheel = DirectReferences.wheelProject(url);
            if (wheel.isPresent() && isValidName(wheel.get())) {
                name = wheel.get();
            }
        }
        List<String> hashes = DirectReferences.hash(reference)
                .map(h -> List.of(h.algorithm() + ":" + h.value())).orElse(List.of());
        Dependency dependency = new Dependency(name, Dependency.normalize(name), "", kind, Optional.of(url), hashes,
                Optional.empty(), markers, extras, false, origin.span(start, end), nameLocation);
        return new Requirement(dependency, Optional.of(refLocation), Optional.empty());
    }

    private static List<String> extrasList(String inside, Location at) throws RequirementSyntaxException {
        List<String> extras = new ArrayList<>();
        for (String part : inside.split(",", -1)) {
            String e = part.strip();
            if (!isValidName(e)) {
                throw new RequirementSyntaxException("invalid extra name '" + e + "'", at);
            }
            extras.add(e);
        }
        return extras;
    }

    /** Whether {@code name} is a valid project (or extra) name: ASCII letters and digits, with {@code . _ -} inside. */
    public static boolean isValidName(String name) {
        int n = name.length();
        if (n == 0 || !isAlnum(name.charAt(0)) || !isAlnum(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String text, int from, int end) {
        int i = from;
        while (i < end && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && isBlank(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static String describe(String text, int pos, int end) {
        return pos >= end ? "the end" : "'" + text.charAt(pos) + "'";
    }

    /** A recursive-descent reader of one PEP 508 requirement in {@code text[start, end)}. */
    private static final class Pep508 {
        private final String text;
        private final TextOrigin origin;
        private final int end;
        private int pos;

        Pep508(String text, TextOrigin origin, int start, int end) {
            this.text = text;
            this.origin = origin;
            this.pos = start;
            this.end = end;
        }

        Requirement requirement() throws RequirementSyntaxException {
            pos = skipBlanks(text, pos, end);
            int last = trimEnd(text, pos, end);
            if (pos >= last) {
                throw error("expected a requirement, found nothing", pos, pos);
            }
            int reqStart = pos;
            int nameStart = pos;
            if (text.startsWith("${", pos)) {
                throw error("a ${VAR} reference in the project name cannot be analysed", pos,
                        Math.min(end, Math.max(pos + 2, text.indexOf('}', pos) + 1)));
            }
            if (!isAlnum(text.charAt(pos))) {
                throw error("expected a project name, found " + describe(text, pos, end), pos, pos + 1);
            }
            while (pos < end && (isAlnum(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) == '_'
                    || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!isAlnum(text.charAt(pos - 1))) {
                throw error("a project name must end with a letter or digit", nameStart, pos);
            }
            String name = text.substring(nameStart, pos);
            Location nameLocation = origin.span(nameStart, pos);
            pos = skipBlanks(text, pos, end);
            List<String> extras = List.of();
            if (pos < end && text.charAt(pos) == '[') {
                extras = extras();
                pos = skipBlanks(text, pos, end);
            }
            String specifier = "";
            Optional<String> url = Optional.empty();
            Optional<Location> urlLocation = Optional.empty();
            Optional<Location> specifierLocation = Optional.empty();
            boolean blankAfterUrl = false;
            if (pos < end && text.charAt(pos) == '@') {
                pos = skipBlanks(text, pos + 1, end);
                int urlStart = pos;
                while (pos < end && !isBlank(text.charAt(pos))) {
                    pos++;
                }
                if (pos == urlStart) {
                    throw error("expected a URL after '@', found the end", urlStart, urlStart);
                }
                String u = text.substring(urlStart, pos);
                if (DirectReferences.scheme(u).isEmpty() && !u.startsWith("${")) {
                    throw error("expected a URL with a scheme after '@' (a local path needs 'file:'), found '"
                            + u + "'", urlStart, pos);
                }
                url = Optional.of(u);
                urlLocation = Optional.of(origin.span(urlStart, pos));
                blankAfterUrl = pos < end;
                pos = skipBlanks(text, pos, end);
            } else if (pos < end && (text.charAt(pos) == '(' || startsOperator())) {
                int specStart = pos;
                specifier = specifiers();
                specifierLocation = Optional.of(origin.span(specStart, trimEnd(text, specStart, pos)));
                pos = skipBlanks(text, pos, end);
            }
            Optional<String> markers = Optional.empty();
            int reqEnd = last;
            if (pos < end && text.charAt(pos) == ';' && (url.isEmpty() || blankAfterUrl)) {
                int ms = skipBlanks(text, pos + 1, end);
                MarkerSyntax.check(text, ms, last, origin);
                markers = Optional.of(text.substring(ms, last));
                pos = end;
            }
            pos = skipBlanks(text, pos, end);
            if (pos < end) {
                String expected = url.isPresent() ? "expected ';' and a marker after the URL and a blank"
                        : "expected a version specifier, '@ url' or ';' after the name";
                throw error(expected + ", found " + describe(text, pos, end), pos, pos + 1);
            }
            Dependency.Kind kind = url.map(u -> u.startsWith("${") ? Dependency.Kind.URL : DirectReferences.kindOf(u))
                    .orElse(Dependency.Kind.REGISTRY);
            List<String> hashes = url.flatMap(DirectReferences::hash)
                    .map(h -> List.of(h.algorithm() + ":" + h.value())).orElse(List.of());
            Dependency dependency = new Dependency(name, Dependency.normalize(name), specifier, kind, url, hashes,
                    Optional.empty(), markers, extras, false, origin.span(reqStart, reqEnd), nameLocation);
            return new Requirement(dependency, urlLocation, specifierLocation);
        }

        private List<String> extras() throws RequirementSyntaxException {
            int open = pos;
            pos++;
            List<String> extras = new ArrayList<>();
            pos = skipBlanks(text, pos, end);
            if (pos < end && text.charAt(pos) == ']') {
                pos++;
                return extras;
            }
            while (true) {
                pos = skipBlanks(text, pos, end);
                int s = pos;
                while (pos < end && (isAlnum(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) == '_'
                        || text.charAt(pos) == '-')) {
                    pos++;
                }
                String extra = text.substring(s, pos);
                if (!isValidName(extra)) {
                    throw error(extra.isEmpty() ? "expected an extra name, found " + describe(text, pos, end)
                            : "invalid extra name '" + extra + "'", s, Math.max(pos, s + 1));
                }
                extras.add(extra);
                pos = skipBlanks(text, pos, end);
                if (pos < end && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < end && text.charAt(pos) == ']') {
                    pos++;
                    return extras;
                }
                if (pos >= end) {
                    throw error("'[' of the extras is not closed", open, open + 1);
                }
                throw error("expected ',' or ']' in extras, found " + describe(text, pos, end), pos, pos + 1);
            }
        }

        private boolean startsOperator() {
            char c = text.charAt(pos);
            return c == '=' || c == '!' || c == '~' || c == '<' || c == '>';
        }

        private String specifiers() throws RequirementSyntaxException {
            boolean parenthesised = text.charAt(pos) == '(';
            int open = pos;
            if (parenthesised) {
                pos++;
            }
            StringBuilder spec = new StringBuilder();
            while (true) {
                pos = skipBlanks(text, pos, end);
                if (parenthesised && pos < end && text.charAt(pos) == ')' && spec.length() > 0) {
                    break;
                }
                int opStart = pos;
                String op = null;
                for (String candidate : OPERATORS) {
                    if (text.startsWith(candidate, pos) && pos + candidate.length() <= end) {
                        op = candidate;
                        break;
                    }
                }
                if (op == null) {
                    throw error("expected a version operator (==, !=, <=, >=, <, >, ~=, ===), found "
                            + describe(text, pos, end), pos, Math.min(pos + 1, end));
                }
                pos = skipBlanks(text, pos + op.length(), end);
                int vs = pos;
                String version = version(op);
                if (version.isEmpty()) {
                    throw error("expected a version after '" + op + "', found " + describe(text, pos, end),
                            pos, Math.min(pos + 1, end));
                }
                checkVersion(op, version, opStart, vs, pos);
                if (spec.length() > 0) {
                    spec.append(',');
                }
                spec.append(op).append(version);
                pos = skipBlanks(text, pos, end);
                if (pos < end && text.charAt(pos) == ',') {
                    pos++;
                    int next = skipBlanks(text, pos, end);
                    if (next >= end || text.charAt(next) == ';' || text.charAt(next) == ')') {
                        pos = next;
                        break;
                    }
                    continue;
                }
                break;
            }
            if (parenthesised) {
                pos = skipBlanks(text, pos, end);
                if (pos >= end || text.charAt(pos) != ')') {
                    if (pos < end) {
                        throw error("expected ',' or ')' in version specifier, found " + describe(text, pos, end),
                                pos, pos + 1);
                    }
                    throw error("'(' of the version specifier is not closed", open, open + 1);
                }
                pos++;
            }
            return spec.toString();
        }

        /** Reads the version after {@code op}: pip's version characters and {@code ${VAR}} references. */
        private String version(String op) {
            int s = pos;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == '$' && pos + 1 < end && text.charAt(pos + 1) == '{') {
                    int close = text.indexOf('}', pos);
                    if (close < 0 || close >= end) {
                        break;
                    }
                    pos = close + 1;
                } else if (op.equals("===") ? !isBlank(c) && c != ',' && c != ';' && c != ')'
                        : isAlnum(c) || c == '.' || c == '-' || c == '_' || c == '+' || c == '!' || c == '*') {
                    pos++;
                } else {
                    break;
                }
            }
            return text.substring(s, pos);
        }

        private void checkVersion(String op, String version, int opStart, int vs, int ve)
                throws RequirementSyntaxException {
            if (op.equals("===") || EnvReferences.contains(version)) {
                return;
            }
            boolean valid;
            String rule;
            switch (op) {
                case "==", "!=" -> {
                    valid = EQUALITY_VERSION.matcher(version).matches();
                    rule = "";
                }
                case "~=" -> {
                    valid = COMPATIBLE_VERSION.matcher(version).matches();
                    rule = " ('~=' needs at least two release segments, no '.*' and no local label)";
                }
                default -> {
                    valid = ORDERED_VERSION.matcher(version).matches();
                    rule = " ('" + op + "' takes no '.*' and no local label)";
                }
            }
            if (!valid) {
                throw error("invalid version '" + version + "' after '" + op + "'" + rule, opStart, ve);
            }
        }

        /** An error spanning {@code [from, to)}, kept within the requirement's text. */
        private RequirementSyntaxException error(String message, int from, int to) {
            int f = Math.min(from, end);
            return new RequirementSyntaxException(message, origin.span(f, Math.min(Math.max(f, to), end)));
        }
    }
}

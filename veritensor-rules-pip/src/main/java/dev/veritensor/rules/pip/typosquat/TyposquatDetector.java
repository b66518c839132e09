package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.Dependency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges whether a package name imitates a popular package. Built once from the popular names
 * (most downloaded first) and the protected names (the curated list and user additions); then one
 * {@link #check} costs a few hash look-ups and a handful of short distance computations, whatever
 * the number of popular names. Immutable and thread-safe.
 *
 * <p>Popular names fall into three tiers: the {@value #TOP_TIER} most downloaded, the next ones
 * up to rank {@value #SECOND_TIER} together with every protected name, and the rest. The more
 * popular the target, the more kinds of edits count as a squat: squatters go after the most
 * installed names with every variation, while the long tail of legitimate packages is dense with
 * honest near neighbours ({@code scanpy}/{@code scapy}). Rules that hold for every tier:
 * <ul>
 *   <li>A name that is itself popular or protected is never a squat; PEP 503 spellings of a
 *       popular name ({@code python_dateutil}) are that name.</li>
 *   <li>Names shorter than five characters (separators not counted) are never judged by edit
 *       distance, and a first character is only ever swapped, mistyped by a neighbouring key,
 *       replaced by a look-alike, or dropped from a name of seven or more ({@code ensorflow});
 *       never added (legitimate packages often prefix one letter: {@code cwcwidth}).</li>
 *   <li>Edits of digits (version or variant numbers: {@code pyside2}/{@code pyside6},
 *       {@code cu11}/{@code cu12}) count only against the top tier and never at the end of a name.</li>
 *   <li>Replacing a letter inside a short part of a multi-part name ({@code types-boto3-sns} vs
 *       {@code types-boto3-sqs}), or rewriting a short last part ({@code pytest-cpp} vs
 *       {@code pytest-cov}), is a sibling package, not a squat.</li>
 * </ul>
 */
public final class TyposquatDetector {

    /** Popular names ranked below this (0-based) form the top tier. */
    public static final int TOP_TIER = 200;
    /** Popular names ranked below this, and every protected name, form the second tier. */
    public static final int SECOND_TIER = 1000;

    private static final int MIN_EDIT_LENGTH = 5;
    /** Outside the top tier, any replaced letter counts in names at least this long. */
    private static final int ANY_LETTER_LENGTH = 10;
    /** A dropped first letter counts in names at least this long ({@code ensorflow}). */
    private static final int FIRST_LETTER_DROP_LENGTH = 7;
    /** Outside the top tier, two edits inside the name count in names at least this long. */
    private static final int TWO_EDITS_LENGTH = 10;
    private static final int[] NO_IDS = new int[0];
    private static final Pattern TRAILING_VERSION = Pattern.compile("(.*?)-?(\\d+)");
    private static final List<String> PYTHON_PREFIXES =
            List.of("python3-", "python-", "py3-", "py-", "python3", "python", "py");
    private static final List<String> PYTHON_SUFFIXES = List.of("-python3", "-python", "-py3", "-py", "python", "py");

    private final String[] names;
    private final String[] stripped;
    private final byte[] tiers;
    private final Map<String, Integer> idByName = new HashMap<>();
    private final Map<String, Integer> idBySeparatorless = new HashMap<>();
    private final Map<String, Integer> idByPartSet = new HashMap<>();
    private final Map<String, Integer> idBySkeleton = new HashMap<>();
    private final Map<String, Integer> idByPythonBase = new HashMap<>();
    private final Map<String, Integer> idByUnversioned = new HashMap<>();
    private final Map<String, int[]> idsByLetters = new HashMap<>();
    private final Set<String> versionedFamilies = new HashSet<>();
    private final DeletionIndex index;

    private TyposquatDetector(List<String> byDownloads, Collection<String> protectedNames) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (String n : byDownloads) {
            all.add(isNormalized(n) ? n : Dependency.normalize(n));
        }
        int ranked = all.size();
        Set<String> protectedSet = new HashSet<>();
        for (String n : protectedNames) {
            String name = isNormalized(n) ? n : Dependency.normalize(n);
            all.add(name);
            protectedSet.add(name);
        }
        names = all.toArray(new String[0]);
        stripped = new String[names.length];
        tiers = new byte[names.length];
        Map<String, List<Integer>> byLetters = new HashMap<>();
        for (int id = 0; id < names.length; id++) {
            String name = names[id];
            stripped[id] = strip(name);
            tiers[id] = (byte) (id < TOP_TIER && id < ranked ? 0
                    : (id < SECOND_TIER && id < ranked) || protectedSet.contains(name) ? 1 : 2);
            idByName.putIfAbsent(name, id);
            idBySeparatorless.putIfAbsent(stripped[id], id);
            if (name.indexOf('-') >= 0) {
                idByPartSet.putIfAbsent(sortedParts(name), id);
            }
            idBySkeleton.putIfAbsent(skeleton(name), id);
            idByPythonBase.putIfAbsent(pythonBase(name), id);
            byLetters.computeIfAbsent(sortedLetters(stripped[id]), k -> new ArrayList<>()).add(id);
            Matcher m = TRAILING_VERSION.matcher(name);
            if (Character.isDigit(lastChar(name)) && m.matches() && !m.group(1).isEmpty()) {
                versionedFamilies.add(m.group(1));
                if (tiers[id] == 0 && m.group(1).length() >= 4) {
                    idByUnversioned.putIfAbsent(m.group(1), id);
                }
            }
        }
        byLetters.forEach((k, v) -> idsByLetters.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        index = new DeletionIndex(Arrays.asList(stripped));
    }

    /**
     * A detector over {@code byDownloads} (most downloaded first) and {@code protectedNames} (names
     * that matter whatever their rank: the second tier).
     */
    public static TyposquatDetector build(List<String> byDownloads, Collection<String> protectedNames) {
        return new TyposquatDetector(byDownloads, protectedNames);
    }

    /** The detector over the bundled reference data, built on first use. */
    public static TyposquatDetector bundled() {
        return Bundled.DETECTOR;
    }

    /** The bundled detector with {@code extraProtected} names added to the protected ones. */
    public static TyposquatDetector bundledWith(Collection<String> extraProtected) {
        if (extraProtected.isEmpty()) {
            return bundled();
        }
        List<String> protectedNames = new ArrayList<>(ReferenceData.curated());
        protectedNames.addAll(extraProtected);
        return build(ReferenceData.popularByDownloads(), protectedNames);
    }

    private static final class Bundled {
        static final TyposquatDetector DETECTOR =
                build(ReferenceData.popularByDownloads(), ReferenceData.curated());
    }

    /** Whether {@code name} (any spelling) is one of the popular or protected names. */
    public boolean isPopular(String name) {
        return idByName.containsKey(Dependency.normalize(name));
    }

    /**
     * The popular package {@code name} imitates and how, or empty when it imitates none (or is
     * popular itself). {@code name} may be written in any spelling; it is PEP 503 normalized first.
     */
    public Optional<SquatMatch> check(String name) {
        String q = isNormalized(name) ? name : Dependency.normalize(name);
        if (q.isEmpty() || idByName.containsKey(q)) {
            return Optional.empty();
        }
        String qs = strip(q);
        Integer id = idBySeparatorless.get(qs);
        if (id != null && tiers[id] == 0 && qs.length() >= 4) {
            return match(id, Technique.SEPARATOR);
        }
        if (q.indexOf('-') >= 0) {
            id = idByPartSet.get(sortedParts(q));
            if (id != null && tiers[id] == 0) {
                return match(id, Technique.WORD_ORDER);
            }
        }
        Optional<SquatMatch> edited = byEditDistance(q, qs);
        if (edited.isPresent()) {
            return edited;
        }
        if (qs.length() >= 6) {
            for (int other : idsByLetters.getOrDefault(sortedLetters(qs), NO_IDS)) {
                if (tiers[other] <= 1 && !stripped[other].equals(qs) && stripped[other].charAt(0) == qs.charAt(0)) {
                    return match(other, Technique.LETTERS_REARRANGED);
                }
            }
        }
        String skeleton = skeleton(q);
        id = idBySkeleton.get(skeleton);
        if (id != null && skeleton.length() >= 5) {
            return match(id, Technique.LOOKALIKE_CHARACTERS);
        }
        String base = pythonBase(q);
        id = idByPythonBase.get(base);
        if (id != null && !base.equals(q) && tiers[id] == 0) {
            return match(id, Technique.PYTHON_AFFIX);
        }
        return byVersionDigits(q);
    }

    private Optional<SquatMatch> byEditDistance(String q, String qs) {
        SquatMatch twoEdits = null;
        for (int id : index.candidates(qs)) {
            String ts = stripped[id];
            int d = NameEdits.distance(qs, ts, 2);
            if (d == 1) {
                Optional<Technique> technique = singleEdit(qs, id);
                if (technique.isPresent()) {
                    return match(id, technique.get());
                }
            } else if (d == 2 && twoEdits == null && ts.length() >= 7 && qs.regionMatches(0, ts, 0, 2)) {
                Technique technique = twoEdits(q, qs, id);
                if (technique != null) {
                    twoEdits = new SquatMatch(names[id], technique);
                }
            }
        }
        return Optional.ofNullable(twoEdits);
    }

    /**
     * Ids arrive most popular first, so the first accepted edit names the most popular target.
     * Single edits are judged in two bands: the top tier, and every other popular or protected
     * name, where a replaced letter needs a long name (a neighbouring key nine characters, any
     * letter {@value #ANY_LETTER_LENGTH}) and an added or dropped letter seven (and, beyond the
     * second tier, not at the end of the name: {@code whisper}/{@code whisperx}).
     */
    private Optional<Technique> singleEdit(String qs, int id) {
        String ts = stripped[id];
        int length = ts.length();
        boolean top = tiers[id] == 0;
        if (length < MIN_EDIT_LENGTH || qs.length() < MIN_EDIT_LENGTH) {
            return Optional.empty();
        }
        NameEdits.Edit edit = NameEdits.classify(qs, ts);
        NameEdits.Kind kind = edit.kind();
        int pos = edit.position();
        boolean last = kind == NameEdits.Kind.INSERT || kind == NameEdits.Kind.DOUBLE
                ? pos >= qs.length() - 1 : pos >= length - 1;
        boolean digit = edit.involvesDigit();
        if (digit && (last || (kind != NameEdits.Kind.LOOKALIKE && !top))) {
            return Optional.empty();
        }
        boolean replaces = kind == NameEdits.Kind.SUBSTITUTE || kind == NameEdits.Kind.NEIGHBOUR_KEY;
        boolean dropsFirst = (kind == NameEdits.Kind.DELETE || kind == NameEdits.Kind.UNDOUBLE)
                && length >= FIRST_LETTER_DROP_LENGTH;
        if (pos == 0 && !replaces && !dropsFirst && kind != NameEdits.Kind.LOOKALIKE && kind != NameEdits.Kind.SWAP) {
            return Optional.empty();
        }
        if (replaces && names[id].indexOf('-') >= 0 && partLengthAt(names[id], pos) <= 3) {
            return Optional.empty();
        }
        boolean addsOrDrops = top || (length >= 7 && (tiers[id] == 1 || !last));
        return switch (kind) {
            case LOOKALIKE -> Optional.of(Technique.LOOKALIKE_CHARACTERS);
            case SWAP -> Optional.of(Technique.SWAPPED_LETTERS);
            case DOUBLE -> Optional.of(Technique.DOUBLED_LETTER);
            case UNDOUBLE -> Optional.of(Technique.SINGLED_LETTER);
            case NEIGHBOUR_KEY -> accept(top || length >= 9, Technique.NEIGHBOURING_KEY);
            case SUBSTITUTE -> accept((top && length >= 8) || length >= ANY_LETTER_LENGTH, Technique.CHANGED_LETTER);
            case INSERT -> last && qs.endsWith("s") && length >= 7
                    ? Optional.of(Technique.PLURAL)
                    : accept(addsOrDrops, Technique.ADDED_LETTER);
            case DELETE -> accept(addsOrDrops, last && ts.endsWith("s") ? Technique.SINGULAR : Technique.DROPPED_LETTER);
        };
    }

    private static Optional<Technique> accept(boolean ok, Technique technique) {
        return ok ? Optional.of(technique) : Optional.empty();
    }

    /**
     * Two edits count when letters are only added (targets of seven or more characters in the top
     * and second tiers); when they change the name away from its last three characters (targets
     * of {@value #TWO_EDITS_LENGTH} or more characters in the second tier, eight or more in the top
     * tier), since honest neighbours of a long name mostly differ in its ending
     * ({@code jupyterhub}/{@code jupyterlab}); or, for top-tier targets of eight or more, when they
     * only rearrange letters or are confined to the last three characters.
     */
    private Technique twoEdits(String q, String qs, int id) {
        String ts = stripped[id];
        String t = names[id];
        int tier = tiers[id];
        boolean extension = q.startsWith(t + "-") || q.endsWith("-" + t);
        if (tier <= 1 && !extension && isSubsequence(ts, qs)) {
            return Technique.LETTERS_ADDED;
        }
        boolean topAndLong = tier == 0 && ts.length() >= 8;
        if (topAndLong && sortedLetters(qs).equals(sortedLetters(ts))) {
            return Technique.LETTERS_REARRANGED;
        }
        if (replacesShortLastPart(q, t)) {
            return null;
        }
        boolean inEnding = commonPrefix(qs, ts) >= ts.length() - 3;
        if (!inEnding && !extension && tier <= 1 && (topAndLong || ts.length() >= TWO_EDITS_LENGTH)) {
            return Technique.LETTERS_CHANGED;
        }
        return topAndLong && inEnding ? Technique.ENDING_CHANGED : null;
    }

    /**
     * Whether {@code q} keeps every part of the multi-part name {@code t} but its last, and that
     * last part is three characters or fewer: {@code pytest-cpp} beside {@code pytest-cov} is a
     * sibling plugin, not an altered ending.
     */
    private static boolean replacesShortLastPart(String q, String t) {
        int dash = t.lastIndexOf('-');
        return dash > 0 && t.length() - dash - 1 <= 3 && q.regionMatches(0, t, 0, dash + 1)
                && q.indexOf('-', dash + 1) < 0;
    }

    /**
     * {@code torch2}, {@code numpy-3}: a top-tier name plus version digits (unless the popular set
     * already holds numbered siblings of it, like {@code elasticsearch8}); or a top-tier numbered
     * name without its digits ({@code urllib} for {@code urllib3}).
     */
    private Optional<SquatMatch> byVersionDigits(String q) {
        Matcher m = TRAILING_VERSION.matcher(q);
        if (Character.isDigit(lastChar(q)) && m.matches()) {
            Integer id = idByName.get(m.group(1));
            if (id != null && tiers[id] == 0 && m.group(1).length() >= 4
                    && !versionedFamilies.contains(m.group(1)) && !Character.isDigit(lastChar(m.group(1)))) {
                return match(id, Technique.VERSION_DIGITS);
            }
        }
        Integer id = idByUnversioned.get(q);
        return id == null ? Optional.empty() : match(id, Technique.VERSION_DIGITS);
    }

    /** Whether {@code name} is already PEP 503 normalized (lower case, single inner dashes), sparing the regex. */
    private static boolean isNormalized(String name) {
        if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(name.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && name.charAt(i - 1) != '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private Optional<SquatMatch> match(int id, Technique technique) {
        return Optional.of(new SquatMatch(names[id], technique));
    }

    private static char lastChar(String s) {
        return s.charAt(s.length() - 1);
    }

    static String strip(String normalized) {
        return normalized.replace("-", "");
    }

    private static String sortedParts(String name) {
        String[] parts = name.split("-");
        Arrays.sort(parts);
        return String.join("-", parts);
    }

    private static String sortedLetters(String s) {
        char[] chars = s.toCharArray();
        Arrays.sort(chars);
        return new String(chars);
    }

    /** The name with look-alike sequences folded: rn to m, vv to w, cl to d, 0 to o, 1 and i to l, 5 to s. */
    static String skeleton(String name) {
        String s = name.replace("rn", "m").replace("vv", "w").replace("cl", "d");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', 'i' -> 'l';
                case '5' -> 's';
                default -> c;
            });
        }
        return out.toString();
    }

    /** The name without one leading and one trailing py/python decoration, when at least four characters remain. */
    static String pythonBase(String name) {
        String s = name;
        for (String p : PYTHON_PREFIXES) {
            if (s.startsWith(p) && s.length() - p.length() >= 4) {
                s = s.substring(p.length());
                break;
            }
        }
        for (String p : PYTHON_SUFFIXES) {
            if (s.endsWith(p) && s.length() - p.length() >= 4) {
                s = s.substring(0, s.length() - p.length());
                break;
            }
        }
        return s;
    }

    private static int partLengthAt(String name, int strippedPosition) {
        int seen = 0;
        for (String part : name.split("-")) {
            if (strippedPosition < seen + part.length()) {
                return part.length();
            }
            seen += part.length();
        }
        return name.length() - name.lastIndexOf('-') - 1;
    }

    private static boolean isSubsequence(String small, String big) {
        int i = 0;
        for (int j = 0; j < big.length() && i < small.length(); j++) {
            if (small.charAt(i) == big.charAt(j)) {
                i++;
            }
        }
        return i == small.length();
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}

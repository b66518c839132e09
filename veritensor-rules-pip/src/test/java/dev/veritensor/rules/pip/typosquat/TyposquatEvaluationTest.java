package dev.veritensor.rules.pip.typosquat;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the typosquat detector on the two evaluation sets under {@code evaluation/}: the first
 * set (publicly reported malicious squats from the DataDog, rsc-dev and SK-CSIRT sources; negatives
 * ranked 5,001 to 15,000 by downloads) and the fresh set (squats from the pypi_malregistry lists;
 * negatives drawn at random from unranked projects). The similarity detector is measured alone,
 * without the known-malicious exact-match list (which holds many positives verbatim); the
 * combination is reported beside it. Figures are printed per set for the tuning half, the held-out
 * half and the whole set, and for both sets together.
 *
 * <p>Enforced: a false-positive rate of at most 1% on each set and on both; recall of at least
 * {@value #RECALL_TARGET} (the target of issue 4) on the first set; and on the fresh set, where the
 * detector does not reach that target yet, recall of at least {@value #FRESH_RECALL_FLOOR}, a floor
 * under the measured figure that catches regressions. The report prints the gap to the target.
 */
class TyposquatEvaluationTest {

    private static final double RECALL_TARGET = 0.90;
    private static final double FRESH_RECALL_FLOOR = 0.83;
    private static final double MAX_FALSE_POSITIVE_RATE = 0.01;
    private static final TyposquatDetector DETECTOR = TyposquatDetector.bundled();

    private record Positive(String name, String target, String source) {
    }

    private record EvaluationSet(String label, List<Positive> positives, List<String> negatives) {
    }

    private record Score(int found, int total) {
        double rate() {
            return total == 0 ? 0 : (double) found / total;
        }

        Score plus(Score other) {
            return new Score(found + other.found, total + other.total);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d = %.3f", found, total, rate());
        }
    }

    private record Figures(Score recall, Score falsePositives) {
    }

    @Test
    void detectorMeetsRecallAndFalsePositiveTargets() throws IOException {
        EvaluationSet first = load("first", "evaluation/positives.tsv", "evaluation/negatives.txt");
        EvaluationSet fresh = load("fresh", "evaluation/fresh-positives.tsv", "evaluation/fresh-negatives.txt");
        StringBuilder report = new StringBuilder("pip/typosquat evaluation\n");
        Figures firstAll = measure(first, report);
        Figures freshAll = measure(fresh, report);
        Score recallBoth = firstAll.recall().plus(freshAll.recall());
        Score falsePositivesBoth = firstAll.falsePositives().plus(freshAll.falsePositives());
        report.append(String.format(Locale.ROOT,
                "both sets: recall %s (target %.2f, gap %+.3f), false-positive rate %s%n",
                recallBoth, RECALL_TARGET, recallBoth.rate() - RECALL_TARGET, falsePositivesBoth));
        System.out.println(report);

        assertThat(firstAll.recall().rate()).as(report.toString()).isGreaterThanOrEqualTo(RECALL_TARGET);
        assertThat(freshAll.recall().rate()).as(report.toString()).isGreaterThanOrEqualTo(FRESH_RECALL_FLOOR);
        assertThat(firstAll.falsePositives().rate()).as(report.toString()).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
        assertThat(freshAll.falsePositives().rate()).as(report.toString()).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
        assertThat(falsePositivesBoth.rate()).as(report.toString()).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
    }

    /** Appends the figures of {@code set} per split to {@code report}; returns those of the whole set. */
    private static Figures measure(EvaluationSet set, StringBuilder report) {
        Map<String, String> malicious = ReferenceData.knownMalicious();
        List<Positive> reachable = set.positives().stream().filter(p -> DETECTOR.isPopular(p.target())).toList();
        report.append(String.format(Locale.ROOT,
                "%s set: positives %d, of which %d imitate a bundled popular name; negatives %d%n",
                set.label(), set.positives().size(), reachable.size(), set.negatives().size()));
        Figures all = null;
        for (String split : List.of("tuning", "held-out", "all")) {
            Predicate<String> in = name -> split.equals("all") || split(name).equals(split);
            List<Positive> pos = reachable.stream().filter(p -> in.test(p.name())).toList();
            List<String> neg = set.negatives().stream().filter(in).toList();
            Score recall = count(pos, p -> DETECTOR.check(p.name()).isPresent());
            Score targeted = count(pos, p -> DETECTOR.check(p.name()).map(m -> m.target().equals(p.target())).orElse(false));
            Score recallEveryLabel = count(set.positives().stream().filter(p -> in.test(p.name())).toList(),
                    p -> DETECTOR.check(p.name()).isPresent());
            Score combined = count(pos, p -> DETECTOR.check(p.name()).isPresent() || malicious.containsKey(p.name()));
            Score falsePositives = count(neg, n -> DETECTOR.check(n).isPresent());
            Score nearFalsePositives = count(neg.stream().filter(TyposquatEvaluationTest::nearPopular).toList(),
                    n -> DETECTOR.check(n).isPresent());
            double precision = (double) recall.found() / Math.max(1, recall.found() + falsePositives.found());
            report.append(String.format(Locale.ROOT,
                    "  %-8s recall %s (right target %s; with unreachable targets %s; with known-malicious list %s)%n"
                            + "           false-positive rate %s (among negatives within two edits of a popular name: %s)"
                            + " precision %.3f%n",
                    split, recall, targeted, recallEveryLabel, combined, falsePositives, nearFalsePositives, precision));
            if (split.equals("all")) {
                all = new Figures(recall, falsePositives);
            }
        }
        report.append("  missed:");
        reachable.stream().filter(p -> DETECTOR.check(p.name()).isEmpty())
                .forEach(p -> report.append(' ').append(p.name()).append("->").append(p.target()));
        report.append("\n  false positives:");
        set.negatives().forEach(n -> DETECTOR.check(n).ifPresent(
                m -> report.append(' ').append(n).append("->").append(m.target())));
        report.append('\n');
        return all;
    }

    private static final List<String> POPULAR_STRIPPED = Stream
            .concat(ReferenceData.popularByDownloads().stream(), ReferenceData.curated().stream())
            .map(TyposquatDetector::strip).toList();
    private static final DeletionIndex NEAR = new DeletionIndex(POPULAR_STRIPPED);

    /** Whether a popular name lies within two edits (separators ignored). */
    private static boolean nearPopular(String name) {
        String s = TyposquatDetector.strip(name);
        for (int id : NEAR.candidates(s)) {
            if (NameEdits.distance(s, POPULAR_STRIPPED.get(id), 2) <= 2) {
                return true;
            }
        }
        return false;
    }

    private static <T> Score count(List<T> items, Predicate<T> hit) {
        return new Score((int) items.stream().filter(hit).count(), items.size());
    }

    /** Even CRC-32 of the name: the half the detector was tuned on; odd: held out. */
    private static String split(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? "tuning" : "held-out";
    }

    private static EvaluationSet load(String label, String positivesResource, String negativesResource) throws IOException {
        List<Positive> positives = new ArrayList<>();
        for (String line : lines(positivesResource)) {
            String[] cells = line.split("\t");
            positives.add(new Positive(cells[0], cells[1], cells[2]));
        }
        List<String> negatives = lines(negativesResource).stream().filter(n -> !DETECTOR.isPopular(n)).toList();
        return new EvaluationSet(label, positives, negatives);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = TyposquatEvaluationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}

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
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the typosquat detector on the evaluation set under {@code evaluation/}: publicly reported
 * malicious squats of popular packages (positives) and legitimate packages ranked just below the
 * bundled popular list (negatives). The similarity detector is measured alone, without the
 * known-malicious exact-match list (which holds most positives verbatim); the combination is
 * reported beside it. Figures are printed for the tuning half, the held-out half and the whole
 * set; the test fails below recall 0.90 or above a false-positive rate of 0.01 on the whole set.
 */
class TyposquatEvaluationTest {

    private static final TyposquatDetector DETECTOR = TyposquatDetector.bundled();

    private record Positive(String name, String target, String source) {
    }

    private record Score(int found, int total) {
        double rate() {
            return total == 0 ? 0 : (double) found / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d = %.3f", found, total, rate());
        }
    }

    @Test
    void detectorMeetsRecallAndFalsePositiveTargets() throws IOException {
        List<Positive> positives = positives();
        List<String> negatives = lines("evaluation/negatives.txt").stream()
                .filter(n -> !DETECTOR.isPopular(n)).toList();
        Map<String, String> malicious = ReferenceData.knownMalicious();

        List<Positive> reachable = positives.stream().filter(p -> DETECTOR.isPopular(p.target())).toList();
        StringBuilder report = new StringBuilder("pip/typosquat evaluation (positives "
                + positives.size() + ", of which " + reachable.size() + " imitate a bundled popular name; negatives "
                + negatives.size() + ")\n");
        Score recallAll = null;
        Score fprAll = null;
        for (String split : List.of("tuning", "held-out", "all")) {
            Predicate<String> in = name -> split.equals("all") || split(name).equals(split);
            List<Positive> pos = reachable.stream().filter(p -> in.test(p.name())).toList();
            List<String> neg = negatives.stream().filter(in).toList();
            Score recall = count(pos, p -> DETECTOR.check(p.name()).isPresent());
            Score targeted = count(pos, p -> DETECTOR.check(p.name()).map(m -> m.target().equals(p.target())).orElse(false));
            Score recallEveryLabel = count(positives.stream().filter(p -> in.test(p.name())).toList(),
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
                recallAll = recall;
                fprAll = falsePositives;
            }
        }
        report.append("  missed:");
        reachable.stream().filter(p -> DETECTOR.check(p.name()).isEmpty())
                .forEach(p -> report.append(' ').append(p.name()).append("->").append(p.target()));
        report.append("\n  false positives:");
        negatives.stream().forEach(n -> DETECTOR.check(n).ifPresent(
                m -> report.append(' ').append(n).append("->").append(m.target())));
        System.out.println(report);

        assertThat(recallAll.rate()).as(report.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(fprAll.rate()).as(report.toString()).isLessThanOrEqualTo(0.01);
    }

    private static final List<String> POPULAR_STRIPPED = java.util.stream.Stream
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

    private static List<Positive> positives() throws IOException {
        List<Positive> out = new ArrayList<>();
        for (String line : lines("evaluation/positives.tsv")) {
            String[] cells = line.split("\t");
            out.add(new Positive(cells[0], cells[1], cells[2]));
        }
        return out;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = TyposquatEvaluationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}

package dev.veritensor.rules.pip.typosquat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The deletion index finds every string within its edit budget, checked against brute force. */
class DeletionIndexTest {

    @Test
    void candidatesIncludeEveryStringWithinTheEditBudget() {
        Random random = new Random(20261122L);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            strings.add(randomWord(random, 3 + random.nextInt(12)));
        }
        DeletionIndex index = new DeletionIndex(strings);
        for (int trial = 0; trial < 2_000; trial++) {
            String base = strings.get(random.nextInt(strings.size()));
            String query = mutate(random, base, 1 + random.nextInt(2));
            int budget = Math.min(query.length(), base.length()) >= DeletionIndex.TWO_DELETIONS_FROM ? 2 : 1;
            Set<Integer> found = new TreeSet<>();
            for (int id : index.candidates(query)) {
                found.add(id);
            }
            for (int id = 0; id < strings.size(); id++) {
                if (NameEdits.distance(query, strings.get(id), budget) <= budget) {
                    assertThat(found).as("%s near %s", query, strings.get(id)).contains(id);
                }
            }
        }
    }

    @Test
    void candidatesAreSortedAndUnique() {
        DeletionIndex index = new DeletionIndex(List.of("aaaa", "aaab", "aaaa", "abaa"));
        int[] ids = index.candidates("aaaa");
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(0, 1, 2, 3);
    }

    @Test
    void emptyAndOverlongQueriesHaveNoCandidates() {
        DeletionIndex index = new DeletionIndex(List.of("numpy"));
        assertThat(index.candidates("")).isEmpty();
        assertThat(index.candidates("numpy-numpy-numpy")).isEmpty();
    }

    private static String randomWord(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(6)));
        }
        return s.toString();
    }

    private static String mutate(Random random, String s, int edits) {
        StringBuilder b = new StringBuilder(s);
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(4);
            int pos = b.length() == 0 ? 0 : random.nextInt(b.length());
            char c = (char) ('a' + random.nextInt(6));
            if (op == 0 || b.length() < 2) {
                b.insert(pos, c);
            } else if (op == 1) {
                b.deleteCharAt(pos);
            } else if (op == 2) {
                b.setCharAt(pos, c);
            } else if (pos + 1 < b.length()) {
                char x = b.charAt(pos);
                b.setCharAt(pos, b.charAt(pos + 1));
                b.setCharAt(pos + 1, x);
            }
        }
        return b.toString();
    }
}

package dev.veritensor.rules.pip.typosquat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Distances, edit classification, keyboard neighbours and look-alikes. */
class NameEditsTest {

    @ParameterizedTest
    @CsvSource({"requests, requests, 0", "reqeusts, requests, 1", "requets, requests, 1", "requestss, requests, 1",
            "rqeuests, requests, 1", "abcd, acbd, 1", "flask, django, 5", "ca, abc, 3"})
    void distanceIsOptimalStringAlignment(String a, String b, int expected) {
        assertThat(NameEdits.distance(a, b, 5)).isEqualTo(expected);
        assertThat(NameEdits.distance(b, a, 5)).isEqualTo(expected);
    }

    @Test
    void distanceStopsAtTheBudget() {
        assertThat(NameEdits.distance("numpy", "pandas", 1)).isEqualTo(2);
        assertThat(NameEdits.distance("a", "abcdef", 2)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"reqeusts, requests, SWAP, 3", "numoy, numpy, NEIGHBOUR_KEY, 3", "numpx, numpy, SUBSTITUTE, 4",
            "numqy, numpy, SUBSTITUTE, 3", "n0mpy, nompy, LOOKALIKE, 1", "numpyy, numpy, DOUBLE, 5",
            "nupy, numpy, DELETE, 2", "nunmpy, numpy, INSERT, 2", "urlib3, urllib3, UNDOUBLE, 3"})
    void classifiesSingleEdits(String name, String popular, NameEdits.Kind kind, int position) {
        NameEdits.Edit edit = NameEdits.classify(name, popular);
        assertThat(edit.kind()).isEqualTo(kind);
        assertThat(edit.position()).isEqualTo(position);
    }

    @Test
    void keyboardNeighboursIncludeDiagonalsAndTheNumberRow() {
        assertThat(NameEdits.neighbours('o', 'p')).isTrue();
        assertThat(NameEdits.neighbours('r', 'f')).isTrue();
        assertThat(NameEdits.neighbours('f', 'r')).isTrue();
        assertThat(NameEdits.neighbours('3', 'e')).isTrue();
        assertThat(NameEdits.neighbours('u', '7')).isTrue();
        assertThat(NameEdits.neighbours('a', 'p')).isFalse();
        assertThat(NameEdits.neighbours('q', 'q')).isFalse();
        assertThat(NameEdits.neighbours('-', 'a')).isFalse();
        assertThat(NameEdits.lookalike('l', '1')).isTrue();
        assertThat(NameEdits.lookalike('0', 'o')).isTrue();
        assertThat(NameEdits.lookalike('a', 'b')).isFalse();
    }
}

package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Location;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextOriginTest {

    @Test
    void singlePieceShiftsColumns() {
        TextOrigin o = TextOrigin.at("f", 4, 10);
        assertThat(o.span(0, 3)).isEqualTo(Location.ofLine("f", 4, 10, 13));
        assertThat(o.span(2, 2)).isEqualTo(Location.ofLine("f", 4, 12, 12));
    }

    @Test
    void piecesMapAcrossLines() {
        // "abc " from line 1 col 1, "def" from line 2 col 3
        TextOrigin o = TextOrigin.builder("f").piece(0, 1, 1).piece(4, 2, 3).build();
        assertThat(o.span(1, 6)).isEqualTo(new Location("f", 1, 2, 2, 5));
        assertThat(o.span(0, 4)).isEqualTo(Location.ofLine("f", 1, 1, 5));
        assertThat(o.span(4, 7)).isEqualTo(Location.ofLine("f", 2, 3, 6));
        assertThat(o.span(4, 4)).isEqualTo(Location.ofLine("f", 2, 3, 3));
    }

    @Test
    void fromShiftsIntoTheRightPiece() {
        TextOrigin o = TextOrigin.builder("f").piece(0, 1, 1).piece(4, 2, 3).build();
        assertThat(o.from(2).span(0, 1)).isEqualTo(Location.ofLine("f", 1, 3, 4));
        assertThat(o.from(2).span(0, 4)).isEqualTo(new Location("f", 1, 3, 2, 5));
        assertThat(o.from(5).span(0, 2)).isEqualTo(Location.ofLine("f", 2, 4, 6));
        assertThat(TextOrigin.at("f", 3, 2).from(4).span(1, 2)).isEqualTo(Location.ofLine("f", 3, 7, 8));
    }

    @Test
    void withinGivesTheWholeLocation() {
        Location whole = Location.ofLine("ci.yml", 9, 5, 40);
        assertThat(TextOrigin.within(whole).span(3, 8)).isEqualTo(whole);
    }

    @Test
    void piecesMustIncrease() {
        assertThatThrownBy(() -> TextOrigin.builder("f").piece(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextOrigin.builder("f").piece(0, 1, 1).piece(0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextOrigin.builder("f").build()).isInstanceOf(IllegalStateException.class);
    }
}

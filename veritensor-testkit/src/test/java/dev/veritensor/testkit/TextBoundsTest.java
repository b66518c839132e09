package dev.veritensor.testkit;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextBoundsTest {

    private static final SourceText TEXT = SourceText.of("a.txt", "numpy\nrequests==2\n");

    @Test
    void aLocationUpToJustPastTheLineEndIsInside() {
        assertThatCode(() -> TextBounds.assertWithin(TEXT, Location.ofLine("a.txt", 2, 1, 12), "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TextBounds.assertWithin(TEXT, Location.ofLine("a.txt", 1, 6, 6), "x"))
                .doesNotThrowAnyException();
    }

    @Test
    void otherFilesColumnsAndLinesPastTheTextFail() {
        assertThatThrownBy(() -> TextBounds.assertWithin(TEXT, Location.ofLine("b.txt", 1, 1, 2), "dep"))
                .hasMessageContaining("dep points into another file");
        assertThatThrownBy(() -> TextBounds.assertWithin(TEXT, Location.ofLine("a.txt", 1, 1, 7), "dep"))
                .hasMessageContaining("columns run past the line");
        assertThatThrownBy(() -> TextBounds.assertWithin(TEXT, Location.ofLine("a.txt", 9, 1, 1), "dep"))
                .hasMessageContaining("past the last line");
    }
}

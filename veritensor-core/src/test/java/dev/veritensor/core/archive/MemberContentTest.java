package dev.veritensor.core.archive;

import dev.veritensor.api.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Member content is served from its copy and goes back to the archive only for bytes beyond it. */
class MemberContentTest {

    private static final byte[] DATA = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final AtomicInteger reopened = new AtomicInteger();

    private InputStream reopen() {
        reopened.incrementAndGet();
        return new ByteArrayInputStream(DATA);
    }

    @Test
    void aWholeCopyNeverReopensTheArchive() throws IOException {
        Source s = Source.ofStream("a.zip!/x", DATA.length, new MemberContent(this::reopen, DATA.clone(), true));
        assertThat(s.bytes(100)).isEqualTo(DATA);
        assertThat(s.head(5)).isEqualTo(Arrays.copyOf(DATA, 5));
        assertThat(reopened).hasValue(0);
    }

    @Test
    void aPartialCopyServesHeadsAndReopensOnlyBeyondIt() throws IOException {
        Source s = Source.ofStream("a.zip!/x", DATA.length,
                new MemberContent(this::reopen, Arrays.copyOf(DATA, 8), false));
        assertThat(s.head(8)).isEqualTo(Arrays.copyOf(DATA, 8));
        assertThat(reopened).hasValue(0);
        assertThat(s.bytes(100)).isEqualTo(DATA);
        assertThat(reopened).hasValue(1);
        assertThat(s.head(12)).isEqualTo(Arrays.copyOf(DATA, 12));
        assertThat(reopened).hasValue(2);
    }

    @Test
    void anEmptyCopyReadsFromTheArchive() throws IOException {
        Source s = Source.ofStream("a.zip!/x", DATA.length, new MemberContent(this::reopen, new byte[0], false));
        assertThat(s.bytes(100)).isEqualTo(DATA);
        assertThat(reopened).hasValue(1);
    }
}

package dev.veritensor.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveListingTest {

    @Test
    void zipArchivesAreRecognisedByTheirFirstBytes() {
        assertThat(ArchiveListing.startsLikeZip(new byte[] {'P', 'K', 3, 4, 20, 0})).isTrue();
        assertThat(ArchiveListing.startsLikeZip(new byte[] {'P', 'K', 5, 6})).as("empty archive").isTrue();
        assertThat(ArchiveListing.startsLikeZip(new byte[] {'P', 'K', 7, 8})).as("spanning marker").isFalse();
        assertThat(ArchiveListing.startsLikeZip("PK/lib\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ArchiveListing.startsLikeZip(new byte[] {'P', 'K', 3})).isFalse();
        assertThat(ArchiveListing.startsLikeZip(new byte[0])).isFalse();
    }

    @Test
    void archiveNamesAreThoseThatPackagingToolsExtract() {
        assertThat(ArchiveListing.isArchiveName("x-1.0-py3-none-any.whl")).isTrue();
        assertThat(ArchiveListing.isArchiveName("x-1.0.tar.gz")).isTrue();
        assertThat(ArchiveListing.isArchiveName("model.pt")).isFalse();
    }
}

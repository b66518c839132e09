package dev.veritensor.core.archive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Source;
import dev.veritensor.core.Limits;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Fuzz tests of the zip and tar readers (tar also under gzip): whatever the bytes, opening the archive never throws,
 * the listing is consistent with the members offered, every member stays within the limits, and
 * reading a member gives at most its declared size or an {@link IOException} (which the engine
 * records as a read error).
 *
 * <p>A normal build replays the seeds in {@code ArchiveFuzzTestInputs/<method>/} (written by
 * {@link ArchiveFuzzSeedsTest}); to fuzz for real, one method at a time:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl veritensor-core test -Dtest='ArchiveFuzzTest#zip' -Djazzer.max_duration=5m \
 *     '-Djazzer.instrumentation_includes=dev.veritensor.**:org.apache.commons.compress.**:org.tukaani.**'
 * </pre>
 */
class ArchiveFuzzTest {

    /** Small limits, so fuzzing reaches them quickly and no input runs long. */
    static final Limits LIMITS = ArchiveTesting.limits(64, 1 << 20, 4 << 20, 50, 2);

    @FuzzTest(maxDuration = "5m")
    void zip(byte[] input) {
        check("fuzz.zip", input);
    }

    @FuzzTest(maxDuration = "5m")
    void tar(byte[] input) {
        check("fuzz.tar", input);
    }

    /** The input as the content of a gzip-compressed tar, to reach the stream ratio guard and re-streamed members. */
    @FuzzTest(maxDuration = "5m")
    void tarGzip(byte[] input) {
        check("fuzz.tar.gz", TarBuilder.gzip(input));
    }

    /** Opens {@code input} as the archive {@code path} and checks every invariant. */
    static void check(String path, byte[] input) {
        ArchiveExpander.Expansion e;
        try {
            e = ArchiveExpander.expand(Source.of(path, input), 0, LIMITS);
        } catch (IOException ex) {
            throw new AssertionError("an in-memory archive cannot fail to be read", ex);
        }
        if (e.listing().isEmpty()) {
            require(e.members().isEmpty() && e.diagnostics().size() == 1, "not an archive, yet members");
            return;
        }
        ArchiveListing listing = e.listing().get();
        require(listing.entries().size() <= LIMITS.maxArchiveEntries(), "more entries than the limit");
        require(e.diagnostics().size() == listing.anomalies().size(), "one diagnostic per anomaly");
        listing.anomalies().forEach(a -> require(a.location().path().equals(path), "anomaly elsewhere"));
        Set<String> offered = new HashSet<>();
        listing.entries().forEach(entry -> entry.path().ifPresent(offered::add));
        long total = 0;
        Set<String> members = new HashSet<>();
        for (Source m : e.members()) {
            require(m.path().startsWith(path + "!/"), "member outside its archive: " + m.path());
            require(members.add(m.path()), "two members at " + m.path());
            require(m.size() <= LIMITS.maxArchiveEntrySize(), "member over the entry limit");
            total += m.size();
            try (InputStream in = m.openStream()) {
                byte[] bytes = in.readNBytes((int) m.size() + 1);
                require(bytes.length <= m.size(), "member longer than declared");
            } catch (IOException ex) {
                // corrupt data past the copy: the engine reports a read error
            }
        }
        require(members.equals(offered), "entries and members disagree");
        require(total <= LIMITS.maxArchiveTotalSize(), "members over the total limit");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}

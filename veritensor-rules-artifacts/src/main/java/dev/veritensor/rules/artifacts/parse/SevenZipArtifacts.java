package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.io.CountingInputStream;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerDocument;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleStreamReader;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 7z archives holding pickles — a known way to ship a model whose pickles a zip-only scanner never
 * sees. The 7z format needs random access, so archives up to {@value #MAX_MIB} MiB are read in
 * memory (larger ones are reported as not analysed); every member that reads as a pickle is
 * analysed, with decoding memory and expanded sizes bounded.
 */
final class SevenZipArtifacts {

    static final int MAX_MIB = 64;
    private static final int MEMORY_LIMIT_KIB = 128 * 1024;
    private static final int MAX_MEMBERS = 256;
    private static final long MAX_MEMBER_BYTES = 4L << 30;

    private SevenZipArtifacts() {
    }

    static boolean hasMagic(byte[] head) {
        return head.length >= 6 && SevenZFile.matches(head, head.length);
    }

    static List<Document> read(Source source) throws IOException, DocumentParseException {
        if (source.size() > ((long) MAX_MIB << 20)) {
            return List.of(new ContainerDocument(source, ContainerFormat.SEVEN_ZIP, List.of(new ContainerAnomaly(
                    Optional.empty(), 0, "a 7z archive larger than " + MAX_MIB + " MiB; its members were not analysed"))));
        }
        byte[] bytes = source.bytes((long) MAX_MIB << 20);
        List<Document> out = new ArrayList<>();
        List<ContainerAnomaly> anomalies = new ArrayList<>();
        try (SevenZFile archive = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB).get()) {
            int members = 0;
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                if (entry.isDirectory() || !entry.hasStream()) {
                    continue;
                }
                if (++members > MAX_MEMBERS) {
                    anomalies.add(new ContainerAnomaly(Optional.empty(), 0, "more than " + MAX_MEMBERS
                            + " members; the rest were not analysed"));
                    break;
                }
                try (InputStream raw = archive.getInputStream(entry);
                     BufferedInputStream in = new BufferedInputStream(new CountingInputStream(raw, MAX_MEMBER_BYTES),
                             ArtifactParser.HEAD)) {
                    in.mark(ArtifactParser.HEAD);
                    byte[] head = in.readNBytes(ArtifactParser.HEAD);
                    in.reset();
                    if (PickleStreamReader.looksLikePickle(head, entry.getSize())) {
                        PickleStreams.Scan scan = PickleStreams.read(in, head, ContainerFormat.SEVEN_ZIP);
                        out.add(new PickleDocument(source, ContainerFormat.SEVEN_ZIP, Optional.of(entry.getName()), 0,
                                scan.trace()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (out.isEmpty()) {
                throw new DocumentParseException("not a readable 7z archive: " + e.getMessage(),
                        Location.ofFile(source.path()));
            }
            anomalies.add(new ContainerAnomaly(Optional.empty(), 0, "the 7z archive is corrupt after its first"
                    + " pickles: " + e.getMessage()));
        }
        if (out.isEmpty()) {
            return List.of();
        }
        out.add(0, new ContainerDocument(source, ContainerFormat.SEVEN_ZIP, anomalies));
        return out;
    }
}

package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a wheel as a whole ({@code pip/wheel}): a source named {@code *.whl} whose bytes start like
 * a zip archive is streamed once with {@link ZipInputStream}, never extracted, and every file's
 * size and sha256 digest are computed on the way; the {@code <name>.dist-info/RECORD} member is kept
 * and parsed with line locations (its scan path is {@code <wheel>!/<name>.dist-info/RECORD}). When
 * RECORD names other permitted algorithms, the wheel is streamed a second time to compute them.
 *
 * <p>Limits keep a hostile archive from exhausting the scan: at most {@value #MAX_ENTRIES} entries,
 * at most {@value #MAX_EXPANSION} times the wheel's size (and never more than 16 GiB) of
 * uncompressed data, and a RECORD of at most {@value #MAX_RECORD_BYTES} bytes. A limit reached or a
 * damaged archive ends the reading with a diagnostic, and the document says it is incomplete.
 * Member names are decoded as Python's {@code zipfile} does (UTF-8 when the archive flags it,
 * code page 437 otherwise). Inconsistencies inside the zip structure itself (central directory
 * against local headers) are the artifact pack's concern.
 */
public final class WheelParser implements DocumentParser {

    static final int MAX_ENTRIES = 100_000;
    static final int MAX_EXPANSION = 200;
    static final int MAX_RECORD_BYTES = 32 << 20;
    private static final long MIN_BUDGET = 256L << 20;
    private static final long MAX_BUDGET = 16L << 30;
    /** A RECORD member; the folder name must also be usable in a scan path (no {@code \\} or NUL). */
    private static final Pattern RECORD = Pattern.compile("[^/\\\\\u0000]+\\.dist-info/RECORD");
    private static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;

    @Override
    public String id() {
        return "pip/wheel";
    }

    @Override
    public boolean accepts(Source source) throws IOException {
        if (!ArchiveMember.isWheelName(source.fileName())) {
            return false;
        }
        return ArchiveListing.startsLikeZip(source.head(4));
    }

    /** What one streaming pass produced. */
    private record Pass(List<WheelEntry> entries, Map<String, byte[]> records, boolean complete) { }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException {
        Pass first = stream(source, Set.of(RecordHashes.DEFAULT), true, context);
        boolean complete = first.complete();
        Optional<WheelRecord> record = Optional.empty();
        Optional<String> recordMember = chooseRecord(source, first.records().keySet(), context);
        if (recordMember.isPresent()) {
            byte[] bytes = first.records().get(recordMember.get());
            String scanPath = source.path() + "!/" + recordMember.get();
            try {
                SourceText text = context.text(Source.of(scanPath, bytes));
                record = Optional.of(RecordParser.parse(text, recordMember.get(), context::report));
            } catch (DocumentParseException e) {
                complete = false; // the context reported why
            }
        }
        List<WheelEntry> entries = first.entries();
        if (record.isPresent()) {
            Set<String> more = otherAlgorithms(record.get(), context);
            if (!more.isEmpty()) {
                Pass second = stream(source, more, false, context);
                entries = merge(entries, second.entries());
            }
        }
        return List.of(new WheelDocument(source, entries, record, complete));
    }

    /**
     * Streams the wheel once, digesting every file with {@code algorithms}; keeps RECORD candidates
     * when {@code keepRecords}. Problems are reported only on the first pass.
     */
    private static Pass stream(Source source, Set<String> algorithms, boolean keepRecords, ParseContext context)
            throws IOException {
        List<WheelEntry> entries = new ArrayList<>();
        Map<String, byte[]> records = new LinkedHashMap<>();
        long budget = Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, source.size() * MAX_EXPANSION));
        long total = 0;
        Location where = Location.ofFile(source.path());
        byte[] buffer = new byte[64 * 1024];
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        for (String a : algorithms) {
            RecordHashes.digest(a).ifPresent(d -> digests.put(a, d));
        }
        try (InputStream raw = source.openStream();
             ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 64 * 1024), CP437)) {
            int count = 0;
            boolean complete = true;
            while (true) {
                ZipEntry entry = zip.getNextEntry();
                if (entry == null) {
                    return new Pass(entries, records, complete);
                }
                if (++count > MAX_ENTRIES) {
                    report(keepRecords, context, Diagnostic.error("wheel-limit", where, "more than " + MAX_ENTRIES
                            + " entries: the rest of the wheel was not checked"));
                    return new Pass(entries, records, false);
                }
                String name = entry.getName();
                if (name.endsWith("/")) {
                    continue;
                }
                boolean keep = keepRecords && RECORD.matcher(name).matches();
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                digests.values().forEach(MessageDigest::reset);
                long size = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (total > budget) {
                        report(keepRecords, context, Diagnostic.error("wheel-limit", where, "more than " + budget
                                + " bytes uncompressed (" + MAX_EXPANSION + " times the wheel's size): the rest of the"
                                + " wheel, from " + name + " on, was not checked"));
                        return new Pass(entries, records, false);
                    }
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, read);
                    }
                    if (kept != null) {
                        if (kept.size() + read > MAX_RECORD_BYTES) {
                            report(keepRecords, context, Diagnostic.error("file-too-large",
                                    Location.ofFile(source.path() + "!/" + name), "RECORD is larger than "
                                            + MAX_RECORD_BYTES + " bytes and was not read"));
                            kept = null;
                        } else {
                            kept.write(buffer, 0, read);
                        }
                    }
                }
                Map<String, String> values = new HashMap<>();
                digests.forEach((a, d) -> values.put(a, RecordHashes.encode(d.digest())));
                entries.add(new WheelEntry(name, size, values));
                if (kept != null) {
                    records.put(name, kept.toByteArray()); // like zipfile, the last entry of a name wins
                } else if (keep) {
                    complete = false;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            report(keepRecords, context, Diagnostic.error("wheel-unreadable", where, "the wheel is not a readable zip archive"
                    + " after " + entries.size() + " files (" + e.getMessage() + "): the rest was not checked"));
            return new Pass(entries, records, false);
        }
    }

    private static void report(boolean firstPass, ParseContext context, Diagnostic diagnostic) {
        if (firstPass) {
            context.report(diagnostic);
        }
    }

    /**
     * The RECORD to check: the only one, or, when a wheel has several {@code .dist-info} folders
     * (which pip refuses to install), the one named after the wheel file.
     */
    private static Optional<String> chooseRecord(Source source, Set<String> candidates, ParseContext context) {
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        context.report(Diagnostic.warning("multiple-dist-info", Location.ofFile(source.path()),
                "the wheel has " + candidates.size() + " .dist-info folders (" + String.join(", ", new TreeSet<>(candidates))
                        + "); installers refuse it"));
        String[] parts = source.fileName().split("-");
        for (String c : candidates) {
            String dir = c.substring(0, c.indexOf(".dist-info/"));
            int dash = dir.lastIndexOf('-');
            if (parts.length >= 2 && dash > 0
                    && ArchiveMember.normalise(dir.substring(0, dash)).equals(ArchiveMember.normalise(parts[0]))
                    && dir.substring(dash + 1).equals(parts[1])) {
                return Optional.of(c);
            }
        }
        return candidates.stream().findFirst();
    }

    /** Permitted algorithms other than sha256 that RECORD uses and Veritensor can compute. */
    private static Set<String> otherAlgorithms(WheelRecord record, ParseContext context) {
        Set<String> out = new TreeSet<>();
        Set<String> unverifiable = new TreeSet<>();
        for (RecordRow row : record.rows()) {
            row.algorithm().ifPresent(a -> {
                if (!a.equals(RecordHashes.DEFAULT) && RecordHashes.digest(a).isPresent()) {
                    out.add(a);
                } else if (RecordHashes.isNotComputed(a)) {
                    unverifiable.add(a);
                }
            });
        }
        if (!unverifiable.isEmpty()) {
            context.report(Diagnostic.warning("record-hash-unverified", Location.ofFile(record.scanPath()),
                    "RECORD uses " + String.join(", ", unverifiable) + ", which Veritensor cannot compute; the files"
                            + " hashed with it were checked for presence and size only"));
        }
        return out;
    }

    /** The first pass's entries with the second pass's digests added, entry by entry. */
    private static List<WheelEntry> merge(List<WheelEntry> first, List<WheelEntry> second) {
        List<WheelEntry> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            WheelEntry e = first.get(i);
            if (i < second.size() && second.get(i).name().equals(e.name())) {
                Map<String, String> all = new HashMap<>(e.digests());
                all.putAll(second.get(i).digests());
                e = new WheelEntry(e.name(), e.size(), all);
            }
            out.add(e);
        }
        return out;
    }
}

package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.KerasConfigDocument;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleStreamReader;
import dev.veritensor.rules.artifacts.zip.ZipAnomaly;
import dev.veritensor.rules.artifacts.zip.ZipArchive;
import dev.veritensor.rules.artifacts.zip.ZipEntryInfo;
import dev.veritensor.rules.artifacts.zip.ZipFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads zip-based model containers: PyTorch checkpoints (any {@code <prefix>/data.pkl}), Keras
 * {@code .keras} files, NumPy {@code .npz} archives, and other zips that hold pickles. Members are
 * recognised by their bytes: every member that reads as a pickle is analysed whatever its name,
 * except PyTorch storages ({@code <prefix>/data/<key>}, TorchScript {@code <prefix>/constants/<key>}),
 * which hold raw tensor bytes that PyTorch never unpickles.
 */
final class ZipArtifacts {

    static final int MAX_ENTRIES = 65_536;
    static final long MAX_MEMBER_BYTES = 16L << 30;
    private static final int MAX_CONFIG_BYTES = 16 << 20;
    private static final int MAX_PICKLE_MEMBERS = 256;
    private static final int SNIFF = 16 * 1024;
    private static final Pattern TORCH_PICKLE = Pattern.compile("[^/]+/data\\.pkl");
    private static final Pattern TORCH_STORAGE = Pattern.compile("[^/]+/(data|constants)/[^/]+");

    private ZipArtifacts() {
    }

    static List<Document> read(Source source, ParseContext context) throws IOException, DocumentParseException {
        ZipArchive archive;
        try {
            archive = ZipArchive.open(new SourceInput(source), MAX_ENTRIES);
        } catch (ZipFormatException e) {
            throw new DocumentParseException("not a readable zip archive: " + e.getMessage() + " (byte "
                    + e.offset() + ")", Location.ofFile(source.path()));
        }
        ContainerFormat format = classify(archive.entries());
        if (format == ContainerFormat.ZIP && ArchiveListing.isArchiveName(source.fileName())) {
            // A plain zip the engine opens (a wheel, a .zip bundle): each member is scanned as a file.
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        byte[][] config = new byte[1][];
        int[] pickles = new int[2];
        archive.walk(new ZipArchive.MemberVisitor() {
            @Override
            public boolean wants(ZipEntryInfo entry) {
                return !entry.isDirectory()
                        && !(format == ContainerFormat.PYTORCH_ZIP && TORCH_STORAGE.matcher(entry.name()).matches());
            }

            @Override
            public void visit(ZipEntryInfo entry, InputStream data) throws IOException {
                if (format == ContainerFormat.KERAS_ZIP && entry.name().equals("config.json")) {
                    byte[] bytes = data.readNBytes(MAX_CONFIG_BYTES + 1);
                    if (bytes.length > MAX_CONFIG_BYTES) {
                        context.report(Diagnostic.error("file-too-large", Location.ofFile(source.path()),
                                "config.json is larger than " + MAX_CONFIG_BYTES + " bytes and was not read"));
                    } else {
                        config[0] = bytes;
                    }
                    return;
                }
                BufferedInputStream in = new BufferedInputStream(data, SNIFF);
                in.mark(SNIFF);
                byte[] head = in.readNBytes(SNIFF);
                in.reset();
                if (NpyHeader.hasMagic(head)) {
                    // every array is read: a plain one costs a header, and an archive of many arrays is normal
                    documents.addAll(NumpyArrays.read(source, Optional.of(entry.name()), in, context));
                } else if (PickleStreamReader.looksLikePickle(head, entry.size())
                        || (format == ContainerFormat.PYTORCH_ZIP && entry.name().endsWith(".pkl"))) {
                    if (pickles[0] >= MAX_PICKLE_MEMBERS) {
                        pickles[1]++;
                        return;
                    }
                    pickles[0]++;
                    PickleStreams.Scan scan = PickleStreams.read(in, head, format);
                    documents.add(new PickleDocument(source, format, Optional.of(entry.name()), 0, scan.trace()));
                }
            }
        }, MAX_MEMBER_BYTES);
        if (config[0] != null) {
            try {
                SourceText text = SourceText.decode(source.path() + "!/config.json", config[0]);
                documents.add(new KerasConfigDocument(source, "config.json",
                        KerasConfig.references(context.formats().json(text))));
            } catch (DocumentParseException e) {
                context.report(Diagnostic.error("parse-error", Location.ofFile(source.path()),
                        "config.json: " + e.getMessage()));
            }
        }
        if (format == ContainerFormat.ZIP && documents.isEmpty()) {
            return List.of();
        }
        List<ContainerAnomaly> anomalies = new ArrayList<>();
        for (ZipAnomaly a : archive.anomalies()) {
            anomalies.add(new ContainerAnomaly(a.member(), a.offset(), a.description()));
        }
        if (pickles[1] > 0) {
            anomalies.add(new ContainerAnomaly(Optional.empty(), 0, "more than " + MAX_PICKLE_MEMBERS
                    + " members hold pickles; " + pickles[1] + " further members were not analysed"));
        }
        documents.add(0, new dev.veritensor.rules.artifacts.model.ContainerDocument(source, format, anomalies));
        return documents;
    }

    static ContainerFormat classify(List<ZipEntryInfo> entries) {
        boolean keras = false;
        boolean kerasPart = false;
        boolean allNpy = !entries.isEmpty();
        for (ZipEntryInfo e : entries) {
            if (TORCH_PICKLE.matcher(e.name()).matches()) {
                return ContainerFormat.PYTORCH_ZIP;
            }
            keras |= e.name().equals("config.json");
            kerasPart |= e.name().equals("metadata.json") || e.name().equals("model.weights.h5");
            allNpy &= e.isDirectory() || e.name().endsWith(".npy");
        }
        if (keras && kerasPart) {
            return ContainerFormat.KERAS_ZIP;
        }
        return allNpy ? ContainerFormat.NUMPY_ZIP : ContainerFormat.ZIP;
    }
}

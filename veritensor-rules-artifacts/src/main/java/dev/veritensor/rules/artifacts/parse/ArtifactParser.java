package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.io.Compression;
import dev.veritensor.rules.artifacts.io.CountingInputStream;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerDocument;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleStreamReader;
import dev.veritensor.rules.artifacts.tar.TarReader;
import dev.veritensor.rules.artifacts.zip.ZipArchive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises ML artifacts by their bytes, whatever their names — raw pickles (protocols 0 to 5),
 * legacy and zip PyTorch checkpoints, joblib files, gzip/bzip2/xz/lzma/lz4/zlib-compressed
 * pickles, pickles inside 7z archives, NumPy {@code .npy}/{@code .npz}, Keras {@code .keras} zips and {@code .h5} models,
 * safetensors and the oldest tar PyTorch format — and reads them into documents without loading them. A file whose
 * name promises a format that cannot run code ({@code .safetensors}, {@code .npy}, …) but whose
 * bytes are a pickle carries an anomaly saying so.
 */
public final class ArtifactParser implements DocumentParser {

    /** Bytes read to recognise a format. */
    static final int HEAD = 16 * 1024;
    private static final long MAX_DECOMPRESSED = 16L << 30;
    private static final long MAX_RATIO = 1000;

    private static final Map<String, String> SAFE_EXTENSIONS = Map.of(
            "safetensors", "safetensors", "npy", "NumPy array", "npz", "NumPy archive", "keras", "Keras",
            "h5", "HDF5", "hdf5", "HDF5", "onnx", "ONNX", "gguf", "GGUF", "tflite", "TensorFlow Lite",
            "msgpack", "msgpack");

    /** What the first bytes of a source are. */
    enum Kind { PICKLE, ZIP, SEVEN_ZIP, COMPRESSED, NUMPY, SAFETENSORS, TORCH_TAR, HDF5 }

    @Override
    public String id() {
        return "artifact/model-file";
    }

    @Override
    public boolean accepts(Source source) throws IOException {
        return source.size() > 0 && kind(source.head(HEAD), source.size(), source.path()).isPresent();
    }

    static Optional<Kind> kind(byte[] head, long size, String name) throws IOException {
        if (ArchiveListing.startsLikeZip(head)) {
            return Optional.of(Kind.ZIP);
        }
        if (NpyHeader.hasMagic(head)) {
            return Optional.of(Kind.NUMPY);
        }
        if (SevenZipArtifacts.hasMagic(head)) {
            return Optional.of(Kind.SEVEN_ZIP);
        }
        if (KerasH5.hasMagic(head)) {
            return Optional.of(Kind.HDF5);
        }
        if (SafetensorsReader.looksLikeSafetensors(head, size, name)) {
            return Optional.of(Kind.SAFETENSORS);
        }
        if (TarReader.firstName(head).filter(LegacyTorchTar.MEMBERS::contains).isPresent()) {
            return Optional.of(Kind.TORCH_TAR);
        }
        if (PickleStreamReader.looksLikePickle(head, size)) {
            return Optional.of(Kind.PICKLE);
        }
        Optional<Compression> compression = Compression.detect(head);
        if (compression.isPresent()) {
            byte[] inner = compression.get().decompressHead(head, HEAD);
            if (inner.length > 0 && PickleStreamReader.looksLikePickle(inner, Long.MAX_VALUE)) {
                return Optional.of(Kind.COMPRESSED);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException, IOException {
        byte[] head = source.head(HEAD);
        Optional<Kind> kind = kind(head, source.size(), source.path());
        if (kind.isEmpty()) {
            return List.of();
        }
        List<Document> documents = switch (kind.get()) {
            case ZIP -> ZipArtifacts.read(source, context);
            case SEVEN_ZIP -> SevenZipArtifacts.read(source);
            case NUMPY -> numpy(source, context);
            case SAFETENSORS -> List.of(SafetensorsReader.read(source, context));
            case TORCH_TAR -> LegacyTorchTar.read(source);
            case HDF5 -> KerasH5.read(source, context);
            case PICKLE -> pickle(source, head, context);
            case COMPRESSED -> compressed(source, head);
        };
        return withNameCheck(source, documents);
    }

    private static List<Document> pickle(Source source, byte[] head, ParseContext context)
            throws IOException, DocumentParseException {
        PickleStreams.Scan scan;
        try (InputStream in = source.openStream()) {
            scan = PickleStreams.read(in, head, ContainerFormat.PICKLE);
        }
        List<ContainerAnomaly> anomalies = new ArrayList<>(scan.anomalies());
        List<Document> zipped = List.of();
        if (scan.trace().trailingData().isPresent() && isZip(source)) {
            anomalies.add(new ContainerAnomaly(Optional.empty(), scan.trace().trailingData().get(),
                    "the bytes after the pickle form a zip archive: pickle readers and zip readers (Keras,"
                            + " NumPy, zipfile) load different content from this file"));
            zipped = ZipArtifacts.read(source, context);
        }
        List<Document> out = new ArrayList<>();
        out.add(new ContainerDocument(source, scan.format(), anomalies));
        out.add(new PickleDocument(source, scan.format(), Optional.empty(), 0, scan.trace()));
        out.addAll(zipped);
        return out;
    }

    private static boolean isZip(Source source) throws IOException {
        try {
            ZipArchive.open(new SourceInput(source), ZipArtifacts.MAX_ENTRIES);
            return true;
        } catch (dev.veritensor.rules.artifacts.zip.ZipFormatException e) {
            return false;
        }
    }

    private static List<Document> compressed(Source source, byte[] head) throws IOException {
        Compression compression = Compression.detect(head).orElseThrow();
        byte[] inner = compression.decompressHead(head, HEAD);
        long cap = Math.min(MAX_DECOMPRESSED, Math.max(1L << 30, source.size() * MAX_RATIO));
        try (InputStream raw = source.openStream();
             CountingInputStream in = new CountingInputStream(compression.open(raw), cap)) {
            PickleStreams.Scan scan;
            try {
                scan = PickleStreams.read(in, inner, ContainerFormat.COMPRESSED_PICKLE);
            } catch (IOException e) {
                return List.of(new ContainerDocument(source, ContainerFormat.COMPRESSED_PICKLE,
                        List.of(new ContainerAnomaly(Optional.empty(), 0, "the " + compression.id()
                                + " stream is corrupt: " + e.getMessage()))));
            }
            List<ContainerAnomaly> anomalies = new ArrayList<>(scan.anomalies());
            if (in.truncated()) {
                anomalies.add(new ContainerAnomaly(Optional.empty(), 0, "the " + compression.id()
                        + " stream expands beyond " + cap + " bytes; the rest was not analysed"));
            }
            return List.of(new ContainerDocument(source, ContainerFormat.COMPRESSED_PICKLE, anomalies),
                    new PickleDocument(source, ContainerFormat.COMPRESSED_PICKLE,
                            Optional.of("(" + compression.id() + " content)"), 0, scan.trace()));
        }
    }

    private static List<Document> numpy(Source source, ParseContext context) throws IOException {
        try (InputStream in = source.openStream()) {
            List<Document> docs = new ArrayList<>(NumpyArrays.read(source, Optional.empty(), in, context));
            docs.add(0, new ContainerDocument(source, ContainerFormat.NUMPY, List.of()));
            return docs;
        }
    }

    /** Adds an anomaly when the file's extension names a format that cannot run code but its bytes can. */
    private static List<Document> withNameCheck(Source source, List<Document> documents) {
        String name = source.fileName();
        int dot = name.lastIndexOf('.');
        String promised = dot < 0 ? null : SAFE_EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        boolean pickles = documents.stream().anyMatch(d -> d instanceof PickleDocument p
                && p.container() != ContainerFormat.NUMPY && p.container() != ContainerFormat.NUMPY_ZIP);
        if (promised == null || !pickles) {
            return documents;
        }
        List<Document> out = new ArrayList<>();
        for (Document d : documents) {
            if (d instanceof ContainerDocument c) {
                List<ContainerAnomaly> anomalies = new ArrayList<>(c.anomalies());
                anomalies.add(0, new ContainerAnomaly(Optional.empty(), 0, "the name promises a " + promised
                        + " file, but the bytes are a " + c.format().id() + " that runs pickled code when loaded"));
                out.add(new ContainerDocument(source, c.format(), anomalies));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}

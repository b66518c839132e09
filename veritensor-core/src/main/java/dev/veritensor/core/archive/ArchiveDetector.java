package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.Format;
import dev.veritensor.api.Source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Which sources are archives to open: those named as the packaging tools that extract them name
 * them, whose bytes are an archive. The name says what a consumer will do with the file — pip
 * installs {@code .whl} files and builds {@code .zip} and {@code .tar.*} sdists, zipimport imports
 * {@code .egg} and {@code .pyz} files — and the bytes say how to read it, so a {@code .tar.gz}
 * that is really xz or zip is read as what it is.
 *
 * <p>Model containers that happen to be zips or tars (PyTorch {@code .pt}/{@code .pth}/
 * {@code .bin} checkpoints, Keras {@code .keras}, NumPy {@code .npz}, legacy PyTorch tars) are not
 * opened: their loaders read them whole, and the artifact pack analyses them so, with its own
 * container checks; opening them too would report each pickle twice and offer tensor storages as
 * files. A model bundle shipped as {@code .zip} or {@code .tar.gz} is opened, and the checkpoints
 * inside it are analysed like any file.
 */
final class ArchiveDetector {

    /**
     * What a source named like an archive holds.
     *
     * @param format  the archive format, when the bytes are one
     * @param problem why the bytes are not an archive Veritensor reads, otherwise
     */
    record Detection(Optional<Format> format, String problem) {
    }

    private ArchiveDetector() {
    }

    /** The detection for {@code source}, or empty when it is not named like an archive. */
    static Optional<Detection> detect(Source source) throws IOException {
        if (!ArchiveListing.isArchiveName(source.fileName())) {
            return Optional.empty();
        }
        byte[] head = source.head(TarReader.BLOCK);
        if (startsWith(head, 0x1f, 0x8b)) {
            return Optional.of(compressedTar(source, Format.TAR_GZIP, "gzip"));
        }
        if (startsWith(head, 'B', 'Z', 'h') && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return Optional.of(compressedTar(source, Format.TAR_BZIP2, "bzip2"));
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return Optional.of(compressedTar(source, Format.TAR_XZ, "xz"));
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return Optional.of(problem("its bytes are Zstandard-compressed, which Veritensor does not read"));
        }
        if (startsWith(head, 0x1f, 0x9d)) {
            return Optional.of(problem("its bytes are compress (.Z) data, which Veritensor does not read"));
        }
        if (TarReader.looksLikeTar(head)) {
            return Optional.of(new Detection(Optional.of(Format.TAR), ""));
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return Optional.of(new Detection(Optional.of(Format.ZIP), ""));
        }
        try {
            if (ZipReader.locate(source).isPresent()) {
                return Optional.of(new Detection(Optional.of(Format.ZIP), ""));
            }
        } catch (ZipReader.ZipStructureException e) {
            return Optional.of(new Detection(Optional.of(Format.ZIP), ""));
        }
        return Optional.of(problem("its bytes are neither a zip nor a tar archive"));
    }

    private static Detection compressedTar(Source source, Format format, String compression) {
        byte[] block;
        try (InputStream in = Decompression.tarStream(format, source.openStream())) {
            block = in.readNBytes(TarReader.BLOCK);
        } catch (IOException | RuntimeException e) {
            return problem("its " + compression + " data is corrupt (" + e.getClass().getSimpleName() + ")");
        }
        return TarReader.looksLikeTar(block) ? new Detection(Optional.of(format), "")
                : problem("its bytes are " + compression + "-compressed data that is not a tar archive");
    }

    private static Detection problem(String problem) {
        return new Detection(Optional.empty(), problem);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != (magic[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}

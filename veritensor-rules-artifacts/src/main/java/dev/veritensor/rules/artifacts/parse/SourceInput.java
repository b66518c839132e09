package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.io.RandomAccessInput;

import java.io.IOException;
import java.io.InputStream;

/** A {@link Source} read at any offset by reopening it and skipping to the offset. */
final class SourceInput implements RandomAccessInput {

    private final Source source;

    SourceInput(Source source) {
        this.source = source;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        InputStream in = source.openStream();
        try {
            in.skipNBytes(offset);
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}

package dev.veritensor.api;

import java.util.List;

/** A document that chooses where packages come from: index URLs, find-links, trusted hosts. */
public interface ConfiguresIndexes extends Document {

    /** The index settings in source order. */
    List<IndexSetting> indexSettings();
}

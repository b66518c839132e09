package dev.veritensor.api;

import java.util.List;

/** A read-only view of the whole scan as rules see it: every parsed document and the settings. */
public interface ProjectView {

    /** Every document of the scan that is an instance of {@code type}, ordered by path. */
    <T> List<T> documents(Class<T> type);

    /** Which packages and indexes the project treats as its own. */
    InternalScope internal();
}

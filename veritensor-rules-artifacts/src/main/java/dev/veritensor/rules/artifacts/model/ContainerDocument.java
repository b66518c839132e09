package dev.veritensor.rules.artifacts.model;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;

import java.util.List;

/**
 * An ML artifact file as a container: its format as recognised from its bytes and every
 * structural anomaly found while reading it. One per artifact file.
 *
 * @param source    the file
 * @param format    what its bytes are
 * @param anomalies discrepancies found, in reading order
 */
public record ContainerDocument(Source source, ContainerFormat format, List<ContainerAnomaly> anomalies)
        implements Document {

    public ContainerDocument {
        anomalies = List.copyOf(anomalies);
    }

    @Override
    public String kind() {
        return format.id();
    }
}

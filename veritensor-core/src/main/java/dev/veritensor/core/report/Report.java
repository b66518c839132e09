package dev.veritensor.core.report;

import dev.veritensor.api.ScanResult;
import dev.veritensor.core.policy.PolicyResult;

import java.util.Objects;

/**
 * What a reporter writes: the scan result, the policy's judgement of it and the tool that made it.
 *
 * @param result the scan result
 * @param policy the verdict and baseline split
 * @param tool   name, version and home of the producing tool
 */
public record Report(ScanResult result, PolicyResult policy, ToolInfo tool) {

    /**
     * The producing tool, as reports name it.
     *
     * @param name           e.g. {@code Veritensor}
     * @param version        e.g. {@code 0.1.0-SNAPSHOT}
     * @param informationUri the project's home page
     */
    public record ToolInfo(String name, String version, String informationUri) {
        public ToolInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(informationUri, "informationUri");
        }
    }

    public Report {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tool, "tool");
    }
}

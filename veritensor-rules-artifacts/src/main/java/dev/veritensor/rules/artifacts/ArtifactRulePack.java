package dev.veritensor.rules.artifacts;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.rules.artifacts.parse.ArtifactParser;
import dev.veritensor.rules.artifacts.rules.ArchiveBombRule;
import dev.veritensor.rules.artifacts.rules.ArchiveTraversalRule;
import dev.veritensor.rules.artifacts.rules.ContainerTamperingRule;
import dev.veritensor.rules.artifacts.rules.KerasLambdaRule;
import dev.veritensor.rules.artifacts.rules.MalformedPickleRule;
import dev.veritensor.rules.artifacts.rules.NumpyObjectArrayRule;
import dev.veritensor.rules.artifacts.rules.PickleCodeExecutionRule;
import dev.veritensor.rules.artifacts.rules.PickleUnknownGlobalRule;
import dev.veritensor.rules.artifacts.rules.UnsafeSafetensorsHeaderRule;

import java.util.List;

/**
 * The ML artifact pack ({@code artifact/…} rules): pickles and the containers that carry them —
 * PyTorch (zip, legacy, tar), joblib, compressed pickles, NumPy, Keras and safetensors — read by
 * their bytes and analysed without ever being loaded.
 */
public final class ArtifactRulePack implements RulePack {

    @Override
    public String id() {
        return "artifact";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new ArtifactParser());
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of(new PickleCodeExecutionRule(), new PickleUnknownGlobalRule(), new MalformedPickleRule(),
                new ContainerTamperingRule(), new KerasLambdaRule(), new NumpyObjectArrayRule(),
                new UnsafeSafetensorsHeaderRule(), new ArchiveTraversalRule(), new ArchiveBombRule());
    }
}

package dev.veritensor.rules.artifacts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.pickle.PickleLimits;
import dev.veritensor.rules.artifacts.pickle.PickleMachine;
import dev.veritensor.rules.artifacts.pickle.PickleStreamReader;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;
import dev.veritensor.rules.artifacts.testing.ArtifactHarness;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz tests of the pickle machine and of the container readers behind the artifact parser (see
 * {@link ArtifactHarness} for the checked contract). A normal build replays the seeds in
 * {@code ArtifactFuzzTestInputs/<method>/}, which {@link FuzzSeedsTest} writes from the fixture
 * builders and checks; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class ArtifactFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void pickleMachine(byte[] input) throws IOException {
        PickleTrace.Recorder recorder = new PickleTrace.Recorder();
        ByteInput in = new ByteInput(new ByteArrayInputStream(input));
        PickleStreamReader.readAll(in, PickleLimits.DEFAULTS, recorder, new PickleMachine.Hooks() { });
        PickleTrace t = recorder.finish(in.position());
        if (t.analysedBytes() > input.length) {
            throw new AssertionError("read " + t.analysedBytes() + " of " + input.length + " bytes");
        }
    }

    @FuzzTest(maxDuration = "5m")
    void containers(byte[] input) {
        ArtifactHarness.check("model.bin", input);
    }
}

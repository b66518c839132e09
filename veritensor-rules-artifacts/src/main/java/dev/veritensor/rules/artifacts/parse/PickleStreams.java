package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.pickle.PickleLimits;
import dev.veritensor.rules.artifacts.pickle.PickleMachine;
import dev.veritensor.rules.artifacts.pickle.PickleStreamReader;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;
import dev.veritensor.rules.artifacts.pickle.PyValue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a stream of pickles the way its loader would: plain pickles back to back, joblib files
 * with inline array data, and legacy PyTorch files (magic number, protocol version and system
 * info pickles, the main pickle, the storage key list, then raw storage data).
 */
final class PickleStreams {

    /** The legacy PyTorch magic number 0x1950a86a20f9469cfc6c as a LONG1 pickle argument. */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46,
        (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    /**
     * What reading produced.
     *
     * @param format    plain pickle, joblib or legacy PyTorch
     * @param trace     what the pickle machine observed
     * @param anomalies structural problems outside the pickles
     */
    record Scan(ContainerFormat format, PickleTrace trace, List<ContainerAnomaly> anomalies) {
    }

    private PickleStreams() {
    }

    /** Whether {@code head} starts a legacy PyTorch file. */
    static boolean isLegacyTorch(byte[] head) {
        int at = head.length >= 2 && (head[0] & 0xff) == 0x80 ? 2 : 0;
        if (at == 2 && head.length > 2 && (head[2] & 0xff) == 0x95) {
            at += 9;
        }
        if (head.length < at + LEGACY_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < LEGACY_MAGIC.length; i++) {
            if (head[at + i] != LEGACY_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads every pickle of {@code stream}; {@code head} is its first bytes. */
    static Scan read(InputStream stream, byte[] head, ContainerFormat plain) throws IOException {
        PickleTrace.Recorder recorder = new PickleTrace.Recorder();
        TorchStorages storages = new TorchStorages();
        JoblibArrays joblib = new JoblibArrays();
        PickleMachine.Hooks hooks = new PickleMachine.Hooks() {
            @Override
            public void afterBuild(PyValue instance, ByteInput in, PickleMachine machine) throws IOException {
                joblib.afterBuild(instance, in, machine);
            }

            @Override
            public void persistentId(PyValue id) {
                storages.persistentId(id);
            }
        };
        List<ContainerAnomaly> anomalies = new ArrayList<>();
        try (ByteInput in = new ByteInput(stream)) {
            if (isLegacyTorch(head)) {
                readLegacy(in, recorder, hooks, storages, anomalies);
                return new Scan(ContainerFormat.PYTORCH_LEGACY, recorder.finish(in.position()), anomalies);
            }
            PickleStreamReader.readAll(in, PickleLimits.DEFAULTS, recorder, hooks);
            return new Scan(joblib.seen() ? ContainerFormat.JOBLIB : plain, recorder.finish(in.position()), anomalies);
        }
    }

    private static void readLegacy(ByteInput in, PickleTrace.Recorder recorder, PickleMachine.Hooks hooks,
                                   TorchStorages storages, List<ContainerAnomaly> anomalies) throws IOException {
        PickleMachine machine = new PickleMachine(PickleLimits.DEFAULTS, recorder, hooks, false);
        for (int i = 0; i < 4; i++) {
            if (machine.run(in).outcome() != PickleMachine.Outcome.STOPPED) {
                return;
            }
        }
        PickleMachine keyReader = new PickleMachine(PickleLimits.DEFAULTS.withItemsPerContainer(1 << 20), recorder,
                hooks, false);
        PickleMachine.Result keys = keyReader.run(in);
        if (keys.outcome() != PickleMachine.Outcome.STOPPED) {
            return;
        }
        List<String> keyList = TorchStorages.keys(keys.value());
        if (keyList == null) {
            anomalies.add(new ContainerAnomaly(Optional.empty(), keys.start(),
                    "the storage key pickle is not a list of strings; the storage data was not read"));
            return;
        }
        for (String key : keyList) {
            long at = in.position();
            var size = storages.elementSize(key);
            if (size.isEmpty()) {
                anomalies.add(new ContainerAnomaly(Optional.empty(), at, "storage '" + key
                        + "' is listed but never referenced with a known type; the data from here on was not read"));
                return;
            }
            try {
                long count = in.readUnsignedLE(8);
                if (count < 0 || count > Long.MAX_VALUE / size.getAsInt()) {
                    anomalies.add(new ContainerAnomaly(Optional.empty(), at, "storage '" + key
                            + "' declares an impossible element count"));
                    return;
                }
                in.skip(count * size.getAsInt());
            } catch (EOFException e) {
                anomalies.add(new ContainerAnomaly(Optional.empty(), at, "the data of storage '" + key
                        + "' runs past the end of the file"));
                return;
            }
        }
        if (!in.atEnd()) {
            anomalies.add(new ContainerAnomaly(Optional.empty(), in.position(),
                    "bytes follow the last storage; PyTorch never reads them"));
        }
    }
}

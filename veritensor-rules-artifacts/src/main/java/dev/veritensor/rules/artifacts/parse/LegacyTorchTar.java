package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.model.ContainerAnomaly;
import dev.veritensor.rules.artifacts.model.ContainerDocument;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleLimits;
import dev.veritensor.rules.artifacts.pickle.PickleMachine;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;
import dev.veritensor.rules.artifacts.pickle.PyValue;
import dev.veritensor.rules.artifacts.tar.TarEntry;
import dev.veritensor.rules.artifacts.tar.TarReader;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The oldest PyTorch checkpoint format: a tar whose {@code sys_info} and {@code pickle} members
 * are pickles, and whose {@code storages} and {@code tensors} members interleave small pickles
 * with raw data (a storage's element count and bytes; a tensor's dimensions, sizes, strides and
 * offset). Every pickle is analysed and the raw data between them is skipped.
 */
final class LegacyTorchTar {

    static final Set<String> MEMBERS = Set.of("sys_info", "pickle", "storages", "tensors");
    private static final int MAX_RECORDS = 1 << 20;

    private LegacyTorchTar() {
    }

    static List<Document> read(Source source) throws IOException {
        List<Document> out = new ArrayList<>();
        List<ContainerAnomaly> anomalies = new ArrayList<>();
        try (InputStream stream = source.openStream()) {
            TarReader tar = new TarReader(stream);
            Optional<TarEntry> next;
            while ((next = tar.next()).isPresent()) {
                TarEntry e = next.get();
                if (!e.checksumOk()) {
                    anomalies.add(new ContainerAnomaly(Optional.of(e.name()), e.headerOffset(),
                            "the tar header checksum does not match"));
                }
                if (!e.isFile() || !MEMBERS.contains(e.name())) {
                    continue;
                }
                PickleTrace.Recorder recorder = new PickleTrace.Recorder();
                ByteInput in = new ByteInput(tar.data());
                PickleMachine machine = new PickleMachine(PickleLimits.DEFAULTS, recorder, new PickleMachine.Hooks() { }, false);
                switch (e.name()) {
                    case "storages" -> records(in, machine, true, e, anomalies);
                    case "tensors" -> records(in, machine, false, e, anomalies);
                    default -> machine.run(in);
                }
                out.add(new PickleDocument(source, ContainerFormat.PYTORCH_TAR, Optional.of(e.name()), 0,
                        recorder.finish(in.position())));
            }
        } catch (EOFException e) {
            anomalies.add(new ContainerAnomaly(Optional.empty(), source.size(), "the tar archive is truncated: "
                    + e.getMessage()));
        }
        out.add(0, new ContainerDocument(source, ContainerFormat.PYTORCH_TAR, anomalies));
        return out;
    }

    /** A count pickle, then per record a pickle followed by raw data. */
    private static void records(ByteInput in, PickleMachine machine, boolean storages, TarEntry e,
                                List<ContainerAnomaly> anomalies) throws IOException {
        PickleMachine.Result count = machine.run(in);
        if (count.outcome() != PickleMachine.Outcome.STOPPED || !(count.value() instanceof PyValue.Int n)
                || !n.exact() || n.value() < 0 || n.value() > MAX_RECORDS) {
            return;
        }
        for (long i = 0; i < n.value(); i++) {
            PickleMachine.Result record = machine.run(in);
            if (record.outcome() != PickleMachine.Outcome.STOPPED) {
                return;
            }
            long at = in.position();
            try {
                if (storages) {
                    OptionalInt size = record.value() instanceof PyValue.Container c && c.items().size() >= 3
                            ? TorchStorages.elementSize(c.items().get(2)) : OptionalInt.empty();
                    if (size.isEmpty()) {
                        anomalies.add(new ContainerAnomaly(Optional.of(e.name()), at,
                                "a storage record of unknown type; the rest of the member was not read"));
                        return;
                    }
                    long elements = in.readUnsignedLE(8);
                    if (elements < 0 || elements > Long.MAX_VALUE / size.getAsInt()) {
                        return;
                    }
                    in.skip(elements * size.getAsInt());
                } else {
                    long dims = in.readUnsignedLE(4);
                    if (dims > 64) {
                        return;
                    }
                    in.skip(4 + 16 * dims + 8);
                }
            } catch (EOFException ex) {
                anomalies.add(new ContainerAnomaly(Optional.of(e.name()), at, "record data runs past the member's end"));
                return;
            }
        }
    }
}

package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.model.ContainerFormat;
import dev.veritensor.rules.artifacts.model.NumpyArrayDocument;
import dev.veritensor.rules.artifacts.model.PickleDocument;
import dev.veritensor.rules.artifacts.pickle.PickleLimits;
import dev.veritensor.rules.artifacts.pickle.PickleMachine;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one NumPy array ({@code .npy}, alone or as an {@code .npz} member): its header, and when
 * its dtype holds Python objects, the pickle that {@code numpy.save} writes as its data (loaded by
 * {@code numpy.load(..., allow_pickle=True)}).
 */
final class NumpyArrays {

    private NumpyArrays() {
    }

    static List<Document> read(Source source, Optional<String> member, InputStream in, ParseContext context)
            throws IOException {
        NpyHeader header;
        try {
            header = NpyHeader.read(in);
        } catch (NpyHeader.Invalid e) {
            context.report(Diagnostic.error("parse-error", Location.ofFile(source.path()),
                    member.map(m -> m + ": ").orElse("") + "not a readable .npy header: " + e.getMessage()));
            return List.of();
        }
        List<Document> out = new ArrayList<>();
        out.add(new NumpyArrayDocument(source, member, header.descr(), header.objects(), header.dataOffset()));
        if (header.objects()) {
            PickleTrace.Recorder recorder = new PickleTrace.Recorder();
            ByteInput data = new ByteInput(in);
            new PickleMachine(PickleLimits.DEFAULTS, recorder, new PickleMachine.Hooks() { }, false).run(data);
            out.add(new PickleDocument(source, member.isPresent() ? ContainerFormat.NUMPY_ZIP : ContainerFormat.NUMPY,
                    member, header.dataOffset(), recorder.finish(data.position())));
        }
        return out;
    }
}

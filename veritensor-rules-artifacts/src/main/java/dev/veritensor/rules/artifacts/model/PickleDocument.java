package dev.veritensor.rules.artifacts.model;

import dev.veritensor.api.Document;
import dev.veritensor.api.Source;
import dev.veritensor.rules.artifacts.pickle.PickleTrace;

import java.util.Optional;

/**
 * One pickle stream of an artifact, as the symbolic pickle machine saw it: a whole pickle file,
 * or one member of a container (a checkpoint's {@code data.pkl}, the pickle inside an object
 * array). Offsets in the trace count from the start of the stream.
 *
 * @param source    the file
 * @param container the format the stream was found in
 * @param member    the container member holding the stream, when it is not the file itself
 * @param start     where the stream starts in the file (or in the member); trace offsets add to it
 * @param trace     what the machine observed
 */
public record PickleDocument(Source source, ContainerFormat container, Optional<String> member, long start,
                             PickleTrace trace) implements Document {

    @Override
    public String kind() {
        return "pickle";
    }

    /** {@code " in member x"} for messages, or empty for the file itself. */
    public String where() {
        return member.map(m -> " in member " + m).orElse("");
    }

    /** A trace site as text with its offset in the file (or member), e.g. {@code REDUCE at byte 42}. */
    public String at(dev.veritensor.rules.artifacts.pickle.PickleTrace.Site site) {
        return site.opcode() + " at byte " + (start + site.offset())
                + (site.detail().isEmpty() ? "" : " (" + site.detail() + ")");
    }
}

package dev.veritensor.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.Writer;

/**
 * The JSON layout shared by the JSON and SARIF reporters: two-space indentation, {@code "key": value},
 * {@code \n} line ends whatever the platform, a final newline, and the target writer left open.
 */
final class JsonOutput {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonOutput() {
    }

    /** A pretty-printing generator over {@code out}; finish it with {@link #finish}. */
    static JsonGenerator open(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.setPrettyPrinter(LAYOUT.createInstance());
        return generator;
    }

    /** Ends the document with a newline and flushes it, leaving the writer open. */
    static void finish(JsonGenerator generator) throws IOException {
        generator.writeRaw('\n');
        generator.close();
    }
}

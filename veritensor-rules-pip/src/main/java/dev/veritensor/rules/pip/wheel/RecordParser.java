package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a wheel's {@code RECORD}, a CSV file in the dialect of Python's {@code csv} module
 * (comma-separated, {@code "} quoting with {@code ""} for a quote, quoted fields may hold commas and
 * line breaks, characters after a closing quote kept as {@code csv} does). Blank lines are skipped;
 * a row without exactly three fields is reported ({@code invalid-record-row}) and left out.
 */
public final class RecordParser {

    private RecordParser() {
    }

    /** The rows of {@code text}, the RECORD member {@code member}; problems go to {@code diagnostics}. */
    public static WheelRecord parse(SourceText text, String member, Consumer<Diagnostic> diagnostics) {
        String s = text.content();
        List<RecordRow> rows = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int rowStart = i;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (i < n) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        quoted = false;
                        i++;
                    } else {
                        field.append(c);
                        i++;
                    }
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    i++;
                    continue;
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                } else {
                    field.append(c);
                }
                fieldStart = false;
                i++;
            }
            int rowEnd = i;
            if (i < n && s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (i < n) {
                i++;
            }
            if (rowEnd == rowStart) {
                continue;
            }
            while (rowEnd > rowStart && (s.charAt(rowEnd - 1) == '\n' || s.charAt(rowEnd - 1) == '\r')) {
                rowEnd--; // a quoted field left open to the end of the file
            }
            fields.add(field.toString());
            if (fields.size() != 3) {
                diagnostics.accept(Diagnostic.warning("invalid-record-row", text.span(rowStart, rowEnd),
                        "RECORD row has " + fields.size() + " fields instead of 3 (path, hash, size); not checked"));
                continue;
            }
            rows.add(new RecordRow(fields.get(0), fields.get(1), fields.get(2), text.span(rowStart, rowEnd)));
        }
        return new WheelRecord(member, text.path(), rows);
    }
}

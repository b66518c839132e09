package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.Dependency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundled list of package names read from a class-path resource of this package: one name per
 * line, {@code #} starts a comment line, and a {@code ## source: ...} line starts a batch whose
 * names were published by that source. Names are PEP 503 normalized on reading; the first
 * occurrence of a name wins and the file order is kept.
 *
 * @param sourceByName every name of the list, in file order, mapped to its batch source (empty
 *                     when the list has no batches)
 */
record NameList(Map<String, String> sourceByName) {

    private static final String BATCH = "## source:";

    NameList {
        sourceByName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourceByName));
    }

    /** The names in file order. */
    List<String> names() {
        return List.copyOf(sourceByName.keySet());
    }

    /** Reads the resource {@code fileName} beside this class. */
    static NameList read(String fileName) {
        try (InputStream in = NameList.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + fileName);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> names = new LinkedHashMap<>();
            String source = "";
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.startsWith(BATCH)) {
                    source = text.substring(BATCH.length()).strip();
                } else if (!text.isEmpty() && !text.startsWith("#")) {
                    names.putIfAbsent(Dependency.normalize(text), source);
                }
            }
            return new NameList(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + fileName, e);
        }
    }

    /** Parses option entries written {@code name} or {@code name: note} into normalized name to note. */
    static Map<String, String> parseEntries(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = (colon < 0 ? entry : entry.substring(0, colon)).strip();
            String note = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!name.isEmpty()) {
                out.putIfAbsent(Dependency.normalize(name), note);
            }
        }
        return out;
    }

}

package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes files that Python itself reads, so that an attacker cannot hide code from Veritensor by
 * an encoding Python accepts. UTF-8 text goes through {@link ParseContext#text(Source)} like every
 * other file (size limit, suppression comments). Otherwise:
 * <ul>
 *   <li>a {@code .pth} file is read as Latin-1, since {@code site.py} falls back to the locale
 *       encoding (every byte stays one character, so {@code import} lines are found whatever the
 *       locale), with a {@code non-utf8-text} warning;</li>
 *   <li>a module is decoded with the encoding its PEP 263 coding declaration names, as Python
 *       does; without a usable declaration Python refuses the file, and so does the context.</li>
 * </ul>
 */
public final class PythonText {

    /** Largest file decoded outside the context (the context applies the configured limit). */
    static final int MAX_FALLBACK_BYTES = 16 << 20;

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private PythonText() {
    }

    /** The text of a {@code .pth} file as {@code site.py} reads it. */
    public static SourceText pth(Source source, ParseContext context) throws DocumentParseException, IOException {
        Optional<byte[]> odd = nonUtf8(source);
        if (odd.isEmpty()) {
            return context.text(source);
        }
        context.report(Diagnostic.warning("non-utf8-text", Location.ofFile(source.path()),
                "not UTF-8 text: read as Latin-1, as site.py falls back to the locale encoding"));
        return SourceText.of(source.path(), new String(odd.get(), StandardCharsets.ISO_8859_1));
    }

    /** The text of a Python module, honouring a PEP 263 coding declaration. */
    public static SourceText module(Source source, ParseContext context) throws DocumentParseException, IOException {
        Optional<byte[]> odd = nonUtf8(source);
        if (odd.isPresent()) {
            Optional<Charset> declared = declaredCharset(odd.get());
            if (declared.isPresent()) {
                try {
                    String text = declared.get().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(odd.get()))
                            .toString();
                    if (text.indexOf('\0') < 0) {
                        return SourceText.of(source.path(), text);
                    }
                } catch (CharacterCodingException e) {
                    // Python rejects it as well; the context reports it
                }
            }
        }
        return context.text(source);
    }

    /** The bytes, when the source is small enough to check and is not clean UTF-8 text. */
    private static Optional<byte[]> nonUtf8(Source source) throws IOException {
        if (source.size() > MAX_FALLBACK_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = source.bytes(MAX_FALLBACK_BYTES);
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.of(bytes);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of(bytes);
        }
    }

    /** The charset a coding declaration in the first two lines names, when Java knows it. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n|\r|\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                return charset(m.group(1));
            }
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("latin-1") || n.startsWith("latin-1-") || n.startsWith("iso-latin-1")) {
            return Optional.of(StandardCharsets.ISO_8859_1);
        }
        for (String candidate : new String[] {n, n.replace("-", "")}) {
            try {
                if (Charset.isSupported(candidate)) {
                    return Optional.of(Charset.forName(candidate));
                }
            } catch (IllegalArgumentException e) {
                // not a legal charset name
            }
        }
        return Optional.empty();
    }
}

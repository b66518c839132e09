package dev.veritensor.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of Veritensor: its name, version and home, as reports state them. */
public final class Veritensor {

    /** The tool's name. */
    public static final String NAME = "Veritensor";

    /** Where the tool and its rule reference live. */
    public static final String INFORMATION_URI = "https://github.com/veritensor/veritensor";

    private static final String VERSION = readVersion();

    private Veritensor() {
    }

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Veritensor.class.getResourceAsStream("veritensor.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package org.digestpress.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which digestpress made a PDF: "digestpress 0.1.0", written as the PDF's Producer and as the
 * XMP CreatorTool. The version comes from a resource Maven filters at build time, so it is the
 * same whether the classes run from target/classes (tests) or from the shaded jar.
 */
public final class Producer {

    private static final String VERSION = readVersion();

    private Producer() {
    }

    /** The digestpress version, such as "0.1.0" or "0.1.0-SNAPSHOT". */
    public static String version() {
        return VERSION;
    }

    /** "digestpress " and the version. */
    public static String name() {
        return "digestpress " + VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Producer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the digestpress classes: "
                        + "build them with Maven.");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered by Maven: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

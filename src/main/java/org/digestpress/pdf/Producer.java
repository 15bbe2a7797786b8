package org.digestpress.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which digestpress made a PDF: the release version and the code's identity, such as
 * "0.1.0-SNAPSHOT+code.caa022b02a28". The same string is the PDF's Producer, the XMP CreatorTool,
 * {@code digest --version} and the version {@code archive.json} records, so a PDF names the exact
 * code that typeset it and a new code makes {@code archive} build every issue again.
 *
 * <p>The code part is a SHA-256 Maven computes at build time over every compiled class and resource
 * (contents and relative paths, sorted; no timestamp, no folder) and the pom, which pins every
 * dependency: the same sources give the same identity on any machine and in any folder, and
 * reading it costs nothing at run time. The system property {@code digestpress.code} replaces it,
 * so a test can play a differently built digestpress.
 */
public final class Producer {

    private static final String VERSION = readVersion();

    private Producer() {
    }

    /** The release version and the code's identity, such as "0.1.0+code.caa022b02a28". */
    public static String version() {
        return VERSION;
    }

    /** "digestpress " and the version. */
    public static String name() {
        return "digestpress " + VERSION;
    }

    private static String readVersion() {
        String release = property("version.properties", "version");
        String code = System.getProperty("digestpress.code", "").strip();
        if (code.isEmpty()) {
            code = property("code.properties", "code");
            code = code.substring(0, Math.min(12, code.length()));
        }
        return release + "+code." + code;
    }

    private static String property(String resource, String key) {
        try (InputStream in = Producer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the digestpress classes: "
                        + "build them with Maven.");
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(key, "").strip();
            if (value.isEmpty() || value.startsWith("${")) {
                throw new IllegalStateException(resource + " was not written by Maven: " + value);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

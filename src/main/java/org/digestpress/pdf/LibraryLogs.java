package org.digestpress.pdf;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import com.openhtmltopdf.util.XRLog;

/**
 * The libraries (PDFBox and FontBox through commons-logging, openhtmltopdf, Batik, FreeMarker) log
 * through java.util.logging to the terminal: "SEVERE: …" lines with class names for a damaged
 * image, a CSS quirk or a font table. Every such case is either checked beforehand and reported as
 * a problem with its file and line, or harmless; so a command-line run switches them all off.
 */
public final class LibraryLogs {

    private LibraryLogs() {
    }

    /** Global to the JVM: for the command line, which owns its process. */
    public static void silence() {
        System.setProperty("org.freemarker.loggerLibrary", "none");
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        XRLog.setLoggingEnabled(false);
    }
}

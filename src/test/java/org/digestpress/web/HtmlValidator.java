package org.digestpress.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.xml.sax.SAXException;

/**
 * The Nu Html Checker (vnu), run in this JVM without a network. It configures log4j for itself
 * (DEBUG to the console), and with log4j on the test class path PDFBox and FreeMarker would then
 * log every step of every later test; so the logging is switched off again after each run.
 */
public final class HtmlValidator {

    private HtmlValidator() {
    }

    /** The validator's whole report, one message a line (GNU format: {@code file:line.col: error: text}). */
    public static synchronized String report(Path page) throws IOException, SAXException {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
            return validator.validate(page);
        } finally {
            LogManager.resetConfiguration();
            LogManager.getRootLogger().setLevel(Level.OFF);
        }
    }

    /** The lines of the report that are errors (warnings and infos are left out). */
    public static List<String> errors(Path page) throws IOException, SAXException {
        return report(page).lines().filter(l -> l.contains("error:")).toList();
    }
}

package org.digestpress.archive;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.ValidationDriver;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A feed checked against RFC 4287's RELAX NG grammar (its Appendix B, {@code atom.rnc} in the test
 * resources) with jing, which the Nu Html Checker (a test dependency) carries inside. The RFC's two
 * Schematron rules are annotations jing does not run; {@link #ruleErrors} checks them.
 */
public final class AtomSchema {

    private AtomSchema() {
    }

    /** Every error jing reports, one sentence each with its line; empty when the feed is valid. */
    public static List<String> errors(String xml) throws IOException, SAXException {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        URL schema = AtomSchema.class.getResource("atom.rnc");
        if (!driver.loadSchema(new InputSource(schema.toExternalForm()))) {
            throw new IllegalStateException("the Atom schema does not load: " + errors);
        }
        InputSource feed = new InputSource(new StringReader(xml));
        feed.setSystemId("feed.xml");
        driver.validate(feed);
        return errors;
    }

    /**
     * The RFC's Schematron rules: the feed has an author (or every entry has one), and every entry
     * has an alternate link or content. Checked on the text, which this project's feed writes one
     * element a line.
     */
    public static List<String> ruleErrors(String xml) {
        List<String> errors = new ArrayList<>();
        String head = xml.contains("<entry") ? xml.substring(0, xml.indexOf("<entry")) : xml;
        if (!head.contains("<author>")) {
            errors.add("the feed has no author");
        }
        String[] entries = xml.split("<entry[ >]");
        for (int i = 1; i < entries.length; i++) {
            if (!entries[i].contains("rel=\"alternate\"") && !entries[i].contains("<content")) {
                errors.add("entry " + i + " has neither an alternate link nor content");
            }
        }
        return errors;
    }
}

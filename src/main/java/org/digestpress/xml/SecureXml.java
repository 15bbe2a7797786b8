package org.digestpress.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;

/**
 * The JDK's XML parsers set up the one way every stage parses markup it did not write itself or
 * that holds content: secure processing, no external entities, no external DTD, entity
 * references not expanded; and, where markup never has one, a DOCTYPE refused outright. An XML
 * parser left at its defaults fetches what a document names (XXE): this is the only place that
 * configures one.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /**
     * A DOM parser. Not thread-safe: a caller that parses often keeps one per thread.
     *
     * @param namespaceAware whether namespaces are resolved (openhtmltopdf's XHTML needs them)
     * @param coalescing     whether CDATA sections are joined into the text around them
     * @param refuseDoctype  whether a DOCTYPE is an error (fragments never have one)
     */
    public static DocumentBuilder dom(boolean namespaceAware, boolean coalescing, boolean refuseDoctype) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(namespaceAware);
            factory.setCoalescing(coalescing);
            factory.setValidating(false);
            factory.setExpandEntityReferences(false);
            secure(factory::setFeature, refuseDoctype);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser supports these features", e);
        }
    }

    /** A SAX parser that allows a DOCTYPE but reads nothing it names. */
    public static SAXParser sax(boolean namespaceAware) {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(namespaceAware);
            secure(factory::setFeature, false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser supports these features", e);
        }
    }

    private interface Features {
        void set(String name, boolean value) throws ParserConfigurationException, SAXException;
    }

    private static void secure(Features features, boolean refuseDoctype)
            throws ParserConfigurationException, SAXException {
        features.set(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        features.set("http://xml.org/sax/features/external-general-entities", false);
        features.set("http://xml.org/sax/features/external-parameter-entities", false);
        features.set("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        if (refuseDoctype) {
            features.set("http://apache.org/xml/features/disallow-doctype-decl", true);
        }
    }
}

package org.digestpress.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.digestpress.problem.Problems;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an SVG the way a browser would and refuses what would fetch or run anything. The same
 * file is drawn into the PDF and copied byte for byte into the web edition, where anyone following
 * the image's address opens it as a document of its own: a script, an event handler, a
 * {@code javascript:} link or HTML inside it would run on the published site. So an accepted SVG
 * has no {@code <script>}, no {@code on…} attribute, no element of the HTML namespace, no
 * {@code <foreignObject>} or other embedded document, no link other than http, https, mailto or an
 * anchor, no animation of a link or a handler, no {@code <?xml-stylesheet?>}, and fetches nothing:
 * {@code href} only to {@code #ids} (or PNG, JPEG or GIF data in an {@code <image>}), {@code url(…)}
 * only to {@code #ids} or {@code data:}.
 *
 * <p>Names and values are compared as the parser hands them over: entities already decoded (so
 * {@code java&#x09;script:} arrives as {@code java\tscript:}), prefixes resolved to namespaces
 * ({@code <s:script>} is a script whatever the prefix), and letter case ignored where a browser
 * ignores it or where ignoring it only refuses more.
 */
final class SvgScan extends DefaultHandler implements LexicalHandler {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** Namespaces whose elements a browser turns into live markup inside an SVG document. */
    private static final Set<String> ACTIVE_NAMESPACES = Set.of("http://www.w3.org/1999/xhtml",
            "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2001/xml-events",
            "http://www.w3.org/1999/XSL/Transform");
    /** Elements (lower case, any namespace) that run a program or embed another document. */
    private static final Set<String> EMBEDDING = Set.of("foreignobject", "iframe", "embed", "object", "frame",
            "frameset", "applet", "handler", "listener");
    /**
     * Encodings whose markup every browser reads as this check does: Unicode, and single-byte
     * encodings that keep ASCII as it is (a browser that does not know one still reads the same
     * tags and attributes). A file in another (EBCDIC, UTF-7, ISO-2022) could mean one thing here and
     * another, with a script, to a browser.
     */
    private static final Pattern ENCODINGS = Pattern.compile(
            "(?i)UTF-8|UTF-16(?:BE|LE)?|US-ASCII|ASCII|ISO-8859-\\d{1,2}|WINDOWS-125\\d|CP125\\d|KOI8-[RU]");
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatemotion", "animatetransform",
            "animatecolor");
    private static final Pattern URL_FUNCTION = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);
    /** Scripting schemes; matched after white space and control characters are taken out, as a browser does. */
    private static final Pattern SCRIPT_SCHEME = Pattern.compile("(?i)(?:java|vb|live)script:|mocha:");
    /** CSS that runs script in old browsers or that fetches without url(…). */
    private static final Pattern ACTIVE_CSS = Pattern.compile(
            "(?i)expression\\s*\\(|-moz-binding|behavior\\s*:|image-set\\s*\\(");
    /** Embedded raster data, the only data: an href may name: an SVG or HTML inside data: is not checked. */
    private static final Pattern RASTER_DATA = Pattern.compile("(?i)data:image/(?:png|jpeg|jpg|gif)[;,].*",
            Pattern.DOTALL);

    private final Path file;
    private final Problems problems;
    private Locator locator;
    private boolean failed;
    private int depth;
    private int inStyle;
    private final StringBuilder style = new StringBuilder();
    private int styleLine;
    private int styleColumn;
    /**
     * Inside an entity's text the parser counts the lines of that text: a problem there is reported
     * where the document was last seen outside it (the markup just before the reference).
     */
    private int entityDepth;
    private int outerLine;
    private int outerColumn;

    private SvgScan(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * @param bytes the file's content, read once, so what is checked is what is used
     * @return whether the SVG may be drawn and published; problems say why not
     */
    static boolean check(Path file, byte[] bytes, Problems problems) {
        SvgScan scan = new SvgScan(file, problems);
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(bytes));
            source.setSystemId(file.toUri().toString());
            javax.xml.parsers.SAXParser parser = org.digestpress.xml.SecureXml.sax(true);
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", scan);
            parser.parse(source, scan);
        } catch (SAXParseException e) {
            problems.error(file, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    "This SVG image is not well-formed XML, so it cannot be drawn: " + e.getMessage());
            return false;
        } catch (IOException | SAXException e) {
            problems.error(file, 0, 0, "This SVG image cannot be read.");
            return false;
        }
        return !scan.failed;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
        // never fetch a DTD or an external entity
        return new InputSource(new java.io.StringReader(""));
    }

    @Override
    public void processingInstruction(String target, String data) {
        if (target.equalsIgnoreCase("xml-stylesheet")) {
            report("This SVG image has an <?xml-stylesheet?>, which makes a browser fetch and apply another "
                    + "file (an XSLT one can add scripts). Put the styles into a <style> element.");
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        seen();
        String element = localName.toLowerCase(Locale.ROOT);
        if (depth++ == 0) {
            if (!(localName.equals("svg") && SVG_NAMESPACE.equals(uri))) {
                report("This file is not an SVG image: its outermost element is <" + qName + ">, not <svg xmlns=\""
                        + SVG_NAMESPACE + "\">.");
            }
            String encoding = locator instanceof Locator2 l ? l.getEncoding() : null;
            if (encoding != null && !ENCODINGS.matcher(encoding).matches()) {
                report("This SVG image is encoded in " + encoding + ", which a browser may read differently from "
                        + "this check (or not at all). Save it as UTF-8.");
            }
        }
        if (ACTIVE_NAMESPACES.contains(uri)) {
            report("This SVG image contains the element <" + qName + "> of another markup language (" + uri
                    + "); opened from the web edition a browser would treat it as part of a web page, with its "
                    + "scripts. Draw it with SVG shapes and text.");
        } else if (element.equals("script")) {
            report("This SVG image contains a <script>, a program a browser runs when the image is opened from "
                    + "the web edition. Remove it: a picture in a digest runs nothing.");
        } else if (EMBEDDING.contains(element)) {
            report("This SVG image contains <" + qName + ">, which embeds another document (HTML with its scripts "
                    + "and event handlers) in the picture. Draw it with SVG shapes and text (Illustrator writes a "
                    + "<foreignObject> when 'Preserve Illustrator Editing Capabilities' is on: save without it).");
        } else if (ANIMATIONS.contains(element)) {
            String target = attributeName(attributes.getValue("attributeName"));
            if (target.equals("href") || target.startsWith("on")) {
                report("This SVG image animates the attribute '" + attributes.getValue("attributeName").strip()
                        + "', which can turn a link or an event into a script. Remove the <" + qName + ">.");
            }
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute(element, attributes.getLocalName(i), attributes.getQName(i), attributes.getValue(i));
        }
        if (element.equals("style")) {
            inStyle++;
            style.setLength(0);
            styleLine = locator.getLineNumber();
            styleColumn = locator.getColumnNumber();
        }
    }

    /** One report per attribute at most: the first rule it breaks. */
    private void attribute(String element, String localName, String qName, String value) {
        String name = localName.toLowerCase(Locale.ROOT);
        String compact = compact(value);
        if (name.startsWith("on")) {
            report("This SVG image has the event handler " + qName + "=\"" + shorten(value) + "\", a script a "
                    + "browser runs when the image is opened from the web edition. Remove the attribute.");
        } else if (SCRIPT_SCHEME.matcher(compact).find()) {
            report("This SVG image has a script address in " + qName + "=\"" + shorten(value) + "\"; a browser "
                    + "runs it when the image is opened from the web edition. Remove it.");
        } else if (name.equals("href") && element.equals("a")) {
            if (!compact.isEmpty() && !LinkAddress.allowed(value)) {
                report("This SVG image links to '" + shorten(value) + "'; a link in an SVG image must start with "
                        + "http://, https:// or mailto:, or be an anchor in the image such as #part.");
            }
        } else if (name.equals("href") && compact.regionMatches(true, 0, "data:", 0, 5)) {
            if (!(element.equals("image") || element.equals("feimage")) || !RASTER_DATA.matcher(compact).matches()) {
                report("This SVG image embeds '" + shorten(value) + "' in <" + element + ">; only PNG, JPEG or GIF "
                        + "data may be embedded (data:image/png, data:image/jpeg, data:image/gif) in an <image>.");
            }
        } else if (name.equals("href") && !internal(compact)) {
            report("This SVG image refers to '" + shorten(value) + "'; a build draws nothing an SVG fetches from "
                    + "a file or the network. Embed it (a data: URL) or remove it.");
        } else if (name.equals("style")) {
            checkStyle(value, locator.getLineNumber(), locator.getColumnNumber());
        } else {
            checkUrls(value, locator.getLineNumber(), locator.getColumnNumber());
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        seen();
        if (inStyle > 0) {
            style.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        seen();
        depth--;
        if (localName.equalsIgnoreCase("style") && inStyle > 0) {
            inStyle--;
            checkStyle(style.toString(), styleLine, styleColumn);
        }
    }

    private void checkStyle(String css, int line, int column) {
        if (IMPORT.matcher(css).find()) {
            report(line, column, "This SVG image's style uses @import, which would fetch another file; "
                    + "a build reads nothing an SVG names. Put the rules into the SVG itself.");
        }
        if (css.indexOf('\\') >= 0) {
            report(line, column, "This SVG image's style has a backslash escape, which can hide a fetch or a "
                    + "script from this check. Write the characters themselves.");
        }
        Matcher active = ACTIVE_CSS.matcher(css);
        if (active.find()) {
            report(line, column, "This SVG image's style uses '" + active.group().strip() + "', which fetches or "
                    + "runs something in a browser. Remove it.");
        }
        checkUrls(css, line, column);
    }

    private void checkUrls(String value, int line, int column) {
        if (value.indexOf('(') < 0) {
            return;
        }
        Matcher m = URL_FUNCTION.matcher(value);
        while (m.find()) {
            String target = compact(m.group(1));
            // data: in CSS is only ever drawn as a picture or a font, never run
            if (!internal(target) && !target.regionMatches(true, 0, "data:", 0, 5)) {
                report(line, column, "This SVG image refers to '" + shorten(m.group(1)) + "' in url(…); "
                        + "a build draws nothing an SVG fetches from a file or the network. Embed it or remove it.");
            }
        }
    }

    private void seen() {
        if (entityDepth == 0) {
            outerLine = locator.getLineNumber();
            outerColumn = locator.getColumnNumber();
        }
    }

    @Override
    public void startEntity(String name) {
        if (!name.startsWith("[")) {
            entityDepth++;
        }
    }

    @Override
    public void endEntity(String name) {
        if (!name.startsWith("[") && entityDepth > 0) {
            entityDepth--;
        }
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) {
    }

    @Override
    public void endDTD() {
    }

    @Override
    public void startCDATA() {
    }

    @Override
    public void endCDATA() {
    }

    @Override
    public void comment(char[] ch, int start, int length) {
    }

    private void report(String message) {
        report(locator.getLineNumber(), locator.getColumnNumber(), message);
    }

    private void report(int line, int column, String message) {
        failed = true;
        if (entityDepth > 0) {
            problems.error(file, outerLine, outerColumn, message);
        } else {
            problems.error(file, line, column, message);
        }
    }

    /** The name an animation changes, without its prefix ({@code xlink:href} is {@code href}). */
    private static String attributeName(String value) {
        if (value == null) {
            return "";
        }
        String name = compact(value).toLowerCase(Locale.ROOT);
        return name.substring(name.indexOf(':') + 1);
    }

    /** The value as a browser reads an address: white space and control characters anywhere dropped. */
    private static String compact(String value) {
        return value.replaceAll("[\\s\\p{Cc}]+", "");
    }

    private static boolean internal(String compact) {
        return compact.isEmpty() || compact.startsWith("#");
    }

    private static String shorten(String value) {
        String v = value.strip().replaceAll("\\p{Cc}", "?");
        return v.length() > 80 ? v.substring(0, 77) + "…" : v;
    }
}

package org.digestpress.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;

import org.digestpress.problem.Problems;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks an image file before it reaches the renderer, which drops an image it cannot read without
 * a word, decodes a raster image whole (a 20000×20000 PNG took 3.7 GB) and blanks what an SVG
 * fetches from elsewhere. A PNG, JPEG or GIF must decode and stay within
 * {@link Limits#MAX_IMAGE_PIXELS} (read from its header, before decoding); an SVG must be
 * well-formed XML that refers to nothing outside itself.
 */
public final class ImageFiles {

    private static final Pattern URL_FUNCTION = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);
    /** Decoded pixels at most, when a raster image is read through to check it is whole. */
    private static final long CHECK_PIXELS = 1_000_000L;

    private ImageFiles() {
    }

    /**
     * @param image the resolved file
     * @param from  the file that refers to it, and the reference's line: raster problems are reported there
     * @return whether the renderer can be given the image; problems say why not
     */
    public static boolean check(Path image, String reference, Path from, int line, int column, Problems problems) {
        long size;
        try {
            size = Files.size(image);
        } catch (IOException e) {
            problems.error(from, line, column, "The image '" + reference + "' cannot be read.");
            return false;
        }
        if (size > Limits.MAX_IMAGE_FILE_BYTES) {
            problems.error(from, line, column, "The image '" + reference + "' is " + Limits.bytes(size)
                    + "; an image may have up to " + Limits.bytes(Limits.MAX_IMAGE_FILE_BYTES) + ". Make it smaller.");
            return false;
        }
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return svg(image, problems);
        }
        return raster(image, reference, from, line, column, problems);
    }

    private static boolean raster(Path image, String reference, Path from, int line, int column, Problems problems) {
        String damaged = "The image '" + reference + "' cannot be decoded: the file is damaged, cut short or "
                + "not really a PNG or JPEG. Save it again from an image editor.";
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                problems.error(from, line, column, "The image '" + reference + "' is not a PNG, JPEG or GIF image "
                        + "(perhaps another kind of file with an image's name).");
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > Limits.MAX_IMAGE_PIXELS) {
                    problems.error(from, line, column, String.format(Locale.ROOT, "The image '%s' is %d×%d pixels; "
                            + "an image may have up to %d million pixels (300 dpi across a page needs about 2500 "
                            + "pixels in width). Scale it down.", reference, width, height,
                            Limits.MAX_IMAGE_PIXELS / 1_000_000));
                    return false;
                }
                boolean[] warned = {false};
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warned[0] = true;
                    }
                });
                // read through every row, but keep at most about a million pixels in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / CHECK_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (warned[0]) {
                    problems.error(from, line, column, damaged);
                    return false;
                }
                return true;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            problems.error(from, line, column, damaged);
            return false;
        }
    }

    private static boolean svg(Path image, Problems problems) {
        SvgScan scan = new SvgScan(image, problems);
        try (InputStream in = Files.newInputStream(image)) {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            InputSource source = new InputSource(in);
            source.setSystemId(image.toUri().toString());
            factory.newSAXParser().parse(source, scan);
        } catch (SAXParseException e) {
            problems.error(image, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    "This SVG image is not well-formed XML, so it cannot be drawn: " + e.getMessage());
            return false;
        } catch (IOException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
            problems.error(image, 0, 0, "This SVG image cannot be read.");
            return false;
        }
        return !scan.failed;
    }

    /** Finds what an SVG would fetch: href/xlink:href to anything but itself, url(…) and @import in styles. */
    private static final class SvgScan extends DefaultHandler {
        private final Path file;
        private final Problems problems;
        private Locator locator;
        private boolean failed;
        private int inStyle;
        private StringBuilder style = new StringBuilder();
        private int styleLine;
        private int styleColumn;

        SvgScan(Path file, Problems problems) {
            this.file = file;
            this.problems = problems;
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
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            boolean link = localName.equals("a");
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i);
                String value = attributes.getValue(i);
                if (attribute.equals("href") && !link && !internal(value)) {
                    refuse("refers to '" + shorten(value) + "'");
                }
                if (attribute.equals("style")) {
                    checkStyle(value, locator.getLineNumber(), locator.getColumnNumber());
                } else {
                    checkUrls(value, locator.getLineNumber(), locator.getColumnNumber());
                }
            }
            if (localName.equals("style")) {
                inStyle++;
                style.setLength(0);
                styleLine = locator.getLineNumber();
                styleColumn = locator.getColumnNumber();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inStyle > 0) {
                style.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("style") && inStyle > 0) {
                inStyle--;
                checkStyle(style.toString(), styleLine, styleColumn);
            }
        }

        private void checkStyle(String css, int line, int column) {
            if (IMPORT.matcher(css).find()) {
                report(line, column, "This SVG image's style uses @import, which would fetch another file; "
                        + "a build reads nothing an SVG names. Put the rules into the SVG itself.");
            }
            checkUrls(css, line, column);
        }

        private void checkUrls(String value, int line, int column) {
            if (value.indexOf("url(") < 0 && value.indexOf("URL(") < 0) {
                return;
            }
            Matcher m = URL_FUNCTION.matcher(value);
            while (m.find()) {
                if (!internal(m.group(1))) {
                    report(line, column, "This SVG image refers to '" + shorten(m.group(1)) + "' in url(…); "
                            + "a build draws nothing an SVG fetches from a file or the network. Embed it or remove it.");
                }
            }
        }

        private void refuse(String what) {
            report(locator.getLineNumber(), locator.getColumnNumber(), "This SVG image " + what
                    + "; a build draws nothing an SVG fetches from a file or the network. Embed it (a data: URL) or remove it.");
        }

        private void report(int line, int column, String message) {
            failed = true;
            problems.error(file, line, column, message);
        }

        private static boolean internal(String reference) {
            String r = reference.strip();
            return r.isEmpty() || r.startsWith("#") || r.regionMatches(true, 0, "data:", 0, 5);
        }

        private static String shorten(String value) {
            String v = value.strip();
            return v.length() > 80 ? v.substring(0, 77) + "…" : v;
        }
    }
}

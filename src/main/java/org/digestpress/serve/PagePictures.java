package org.digestpress.serve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.digestpress.pdf.DrawnPage;

/**
 * One good build's PDF, loaded once, drawn as pictures on request at the width the browser asks
 * for (its CSS width times the device pixel ratio: sharp on any screen), and a content hash per
 * page, so the page re-fetches only the pictures of pages that changed.
 *
 * <p>A page's hash covers what draws it: its content stream and the streams of the pictures and
 * forms it places (by resource name), not the fonts. Fonts are subsets that change with any text
 * of the issue, but a glyph keeps its code in every subset, so unchanged text draws the same.
 */
final class PagePictures implements AutoCloseable {

    /** The widest picture drawn, in pixels: a 4K screen at fit-width; wider requests get this width. */
    static final int MAX_WIDTH = 4096;
    static final int MIN_WIDTH = 64;
    /** The most pixels a picture holds: an A4 page 4096 pixels wide (about 95 MB while drawn). */
    static final double MAX_PIXELS = 24_000_000;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final List<String> hashes;
    private final PDRectangle size;
    private boolean closed;

    /**
     * @param fonts which fonts drew the pages (changes when a font file is replaced): the hashes
     *              leave the fonts out, so a page drawn with another font must differ by this
     */
    PagePictures(byte[] pdf, String fonts) throws IOException {
        document = Loader.loadPDF(pdf);
        try {
            renderer = new PDFRenderer(document);
            size = document.getPage(0).getMediaBox();
            List<String> all = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                all.add(hash(page, fonts));
            }
            hashes = List.copyOf(all);
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    PDDocument document() {
        return document;
    }

    int pages() {
        return hashes.size();
    }

    /** The content hash of every page, first page first. */
    List<String> hashes() {
        return hashes;
    }

    PDRectangle size() {
        return size;
    }

    /**
     * Page {@code number} (1-based) as a PNG {@code width} pixels wide (clamped to
     * {@link #MIN_WIDTH}..{@link #MAX_WIDTH}), or null once this build was replaced. One document
     * draws one page at a time.
     */
    synchronized byte[] png(int number, int width) throws IOException {
        if (closed) {
            return null; // a newer build replaced this one meanwhile
        }
        return draw(document, renderer, number, width);
    }

    /** Page {@code number} of {@code document} as a PNG {@code width} pixels wide (clamped). */
    static byte[] draw(PDDocument document, PDFRenderer renderer, int number, int width) throws IOException {
        PDPage page = document.getPage(number - 1);
        withoutUnicodeMaps(page.getCOSObject().getCOSDictionary(COSName.RESOURCES));
        float scale = scale(page.getCropBox(), width);
        BufferedImage image = renderer.renderImage(number - 1, scale, ImageType.RGB);
        return PngEncoder.encode(image);
    }

    /**
     * A page a build has just drawn, as a PNG {@code width} pixels wide (clamped), before the
     * document is finished and saved; null when a font of the page (or of a form it places) has
     * no file yet and is not one {@link DrawnPage#fontFor} can stand in for. The document is only
     * read: its fonts are not touched (their /ToUnicode maps do not exist before the save anyway).
     */
    static byte[] drawEarly(DrawnPage drawn, int width) throws IOException {
        PDPage page = drawn.page();
        if (!drawable(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), drawn)) {
            return null;
        }
        PDFRenderer renderer = new PDFRenderer(drawn.document()) {
            @Override
            protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
                PageDrawer drawer = new PageDrawer(parameters);
                drawer.addOperator(new FontsAsSet(drawer, drawn));
                return drawer;
            }
        };
        float scale = scale(page.getCropBox(), width);
        return PngEncoder.encode(renderer.renderImage(drawn.index(), scale, ImageType.RGB));
    }

    /** Whether every font the resources name (forms' too, a few levels deep) can be drawn now. */
    private static boolean drawable(COSDictionary resources, DrawnPage drawn) {
        return everyFont(resources, 0, font -> font instanceof COSDictionary dictionary
                && (DrawnPage.embedded(dictionary) || drawn.fontFor(dictionary) != null));
    }

    /**
     * Whether {@code test} holds for every font the resources name, and for those of the forms
     * they place, a few levels deep (false past them); stops at the first that fails.
     */
    private static boolean everyFont(COSDictionary resources, int depth, java.util.function.Predicate<COSBase> test) {
        if (resources == null) {
            return true;
        }
        if (depth > 4) {
            return false;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                if (!test.test(fonts.getDictionaryObject(name))) {
                    return false;
                }
            }
        }
        COSDictionary placed = resources.getCOSDictionary(COSName.XOBJECT);
        if (placed != null) {
            for (COSName name : placed.keySet()) {
                if (placed.getDictionaryObject(name) instanceof COSStream form
                        && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))
                        && !everyFont(form.getCOSDictionary(COSName.RESOURCES), depth + 1, test)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Tf with the fonts a page was set in, as {@link DrawnPage#fontFor} gives them, before the save. */
    private static final class FontsAsSet extends SetFontAndSize {
        private final DrawnPage drawn;

        FontsAsSet(PDFStreamEngine context, DrawnPage drawn) {
            super(context);
            this.drawn = drawn;
        }

        @Override
        public void process(Operator operator, List<COSBase> arguments) throws IOException {
            // PDFBox's own Tf would make a font of a dictionary without its file: a substitute,
            // found by scanning the system's fonts
            if (arguments.size() >= 2 && arguments.get(0) instanceof COSName name
                    && arguments.get(1) instanceof COSNumber size) {
                PDResources resources = getContext().getResources();
                COSDictionary fonts = resources == null ? null : resources.getCOSObject().getCOSDictionary(COSName.FONT);
                if (fonts != null && fonts.getDictionaryObject(name) instanceof COSDictionary font) {
                    PDFont set = drawn.fontFor(font);
                    if (set != null) {
                        PDTextState text = getContext().getGraphicsState().getTextState();
                        text.setFontSize(size.floatValue());
                        text.setFont(set);
                        return;
                    }
                }
            }
            super.process(operator, arguments);
        }
    }

    /**
     * Takes the /ToUnicode maps out of the fonts a page (and the forms it places) uses, in this
     * document only, before PDFBox makes its fonts from them. PDFBox reads a font's map when it
     * makes the font, and the first map a JVM reads fills a table of 65 536 strings (fontbox's
     * CMapStrings): 50 ms of CPU in a cold server, taken from its first build or its first picture.
     * A picture never needs the map: our fonts are Identity-H, whose glyphs are chosen by code, and
     * the maps only say which text a glyph stands for. The pixels are the same (PagePicturesTest);
     * the bytes of the PDF, which the download serves, keep their maps.
     */
    static void withoutUnicodeMaps(COSDictionary resources) {
        everyFont(resources, 0, font -> {
            if (font instanceof COSDictionary dictionary) {
                dictionary.removeItem(COSName.TO_UNICODE);
            }
            return true;
        });
    }

    /**
     * The scale that draws {@code box} {@code width} pixels wide (clamped), or narrower when that
     * picture would hold more than {@link #MAX_PIXELS}: a page far taller than wide (the templates
     * set the page size) would otherwise take gigabytes, and fail its build when drawn early.
     */
    static float scale(PDRectangle box, int width) {
        double tall = Math.max(1e-3, box.getHeight() / Math.max(1e-3, box.getWidth()));
        double widest = Math.sqrt(MAX_PIXELS / tall);
        return (float) (Math.min(clamp(width), Math.max(1, Math.floor(widest))) / Math.max(1e-3, box.getWidth()));
    }

    static int clamp(int width) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    /**
     * The stored (compressed) bytes are hashed, not the drawing operators: PDFBox compresses the
     * same operators to the same bytes, and inflating every page of a large issue on each build
     * would cost more than the hash.
     */
    static String hash(PDPage page, String fonts) throws IOException {
        MessageDigest digest = org.digestpress.assets.Sha256.digest();
        digest.update(fonts.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(page.getMediaBox().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSStream stream) {
            raw(stream, digest);
        } else if (contents instanceof COSArray streams) {
            for (COSBase part : streams) {
                if (part instanceof COSObject reference) {
                    part = reference.getObject();
                }
                if (part instanceof COSStream stream) {
                    raw(stream, digest);
                }
            }
        }
        resources(page.getResources(), digest, 0);
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    private static void raw(COSStream stream, MessageDigest digest) throws IOException {
        try (InputStream in = stream.createRawInputStream()) {
            digest.update(in.readAllBytes());
        }
    }

    /** The pictures and forms a page places, by name, sorted; forms with what they place, a few levels deep. */
    private static void resources(PDResources resources, MessageDigest digest, int depth) throws IOException {
        if (resources == null || depth > 4) {
            return;
        }
        // Transparency, gradients, patterns and colour spaces are dictionaries the content stream
        // names: hashed by value, references followed, since object numbers change between builds.
        for (COSName kind : List.of(COSName.EXT_G_STATE, COSName.SHADING, COSName.PATTERN, COSName.COLORSPACE)) {
            digest.update(kind.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            value(resources.getCOSObject().getDictionaryObject(kind), digest, 0);
        }
        TreeSet<String> names = new TreeSet<>();
        for (COSName name : resources.getXObjectNames()) {
            names.add(name.getName());
        }
        for (String name : names) {
            PDXObject object = resources.getXObject(COSName.getPDFName(name));
            if (object == null) {
                continue;
            }
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            raw(object.getCOSObject(), digest);
            if (object instanceof PDFormXObject form) {
                resources(form.getResources(), digest, depth + 1);
            }
        }
    }

    /** A COS value by what it says, keys sorted, references followed a few levels deep. */
    private static void value(COSBase base, MessageDigest digest, int depth) throws IOException {
        COSBase value = base instanceof COSObject reference ? reference.getObject() : base;
        if (value == null || depth > 6) {
            digest.update((byte) 0);
        } else if (value instanceof COSDictionary dictionary) {
            if (value instanceof COSStream stream) {
                raw(stream, digest);
            }
            TreeSet<String> keys = new TreeSet<>();
            dictionary.keySet().forEach(k -> keys.add(k.getName()));
            keys.remove("Parent");
            digest.update((byte) '<');
            for (String key : keys) {
                digest.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                value(dictionary.getItem(COSName.getPDFName(key)), digest, depth + 1);
            }
            digest.update((byte) '>');
        } else if (value instanceof COSArray array) {
            digest.update((byte) '[');
            for (COSBase item : array) {
                value(item, digest, depth + 1);
            }
            digest.update((byte) ']');
        } else {
            digest.update(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            document.close();
        } catch (IOException e) {
            // an in-memory document: nothing is lost by a failed close
        }
    }
}

package org.digestpress.pdf;

import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A page of a PDF for the screen, complete, while the pages after it are still being drawn: what
 * {@code digest serve} draws the page in view from before the build is done (for the sample's
 * cover in a cold server, the other pages, the document's last steps, its save and reading it back
 * took another 0.2 s). Valid only during the call that hands it over; the document must not be
 * changed.
 *
 * <p>Nothing after the drawing changes how a page looks: the steps that follow add the text a
 * reader copies ({@code /ActualText}), compress the pages and add metadata (EarlyPictureTest
 * compares every page's picture drawn here with the one drawn from the saved PDF).
 */
public final class DrawnPage {

    private final PDDocument document;
    private final int index;
    private final FontSet fonts;
    private final Map<String, PDFont> drawable = new HashMap<>();
    private PDDocument scratch;

    DrawnPage(PDDocument document, int index, FontSet fonts) {
        this.document = document;
        this.index = index;
        this.fonts = fonts;
    }

    /** The document being written; read only. */
    public PDDocument document() {
        return document;
    }

    /** The page's index, 0 for the first page. */
    public int index() {
        return index;
    }

    public PDPage page() {
        return document.getPage(index);
    }

    /**
     * A font to draw the text set in {@code font} (a font dictionary of this document), or null
     * when the dictionary says where its glyphs are. PDFBox embeds a subset of each face only when
     * the document is saved: until then the dictionary has no font file, and a renderer given it
     * would draw a substitute. The font returned is made of the same parsed face as the one the
     * page was set in, the same way, so its glyphs have the same codes and widths. Null too for a
     * font the set does not have (the caller then waits for the saved PDF).
     */
    public PDFont fontFor(COSDictionary font) {
        if (embedded(font)) {
            return null;
        }
        String name = font.getNameAsString(COSName.BASE_FONT);
        if (name == null) {
            return null;
        }
        return drawable.computeIfAbsent(name, n -> {
            if (scratch == null) {
                scratch = new PDDocument();
            }
            return fonts.drawingFont(n, scratch);
        });
    }

    /** Whether a font dictionary (simple or Type 0) carries its font file already. */
    public static boolean embedded(COSDictionary font) {
        COSDictionary described = font;
        if (font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants
                && descendants.size() > 0 && descendants.getObject(0) instanceof COSDictionary cid) {
            described = cid;
        }
        COSDictionary descriptor = described.getCOSDictionary(COSName.FONT_DESC);
        return descriptor != null && (descriptor.containsKey(COSName.FONT_FILE)
                || descriptor.containsKey(COSName.FONT_FILE2) || descriptor.containsKey(COSName.FONT_FILE3));
    }

    /** Frees the fonts made for drawing; the document stays its writer's. */
    void release() {
        if (scratch != null) {
            try {
                scratch.close();
            } catch (java.io.IOException e) {
                // an in-memory document
            }
            scratch = null;
        }
        drawable.clear();
    }
}

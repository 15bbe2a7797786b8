package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The marked content a structure element owns directly (its MCIDs with their pages) and the text
 * drawn in it. A page's text is extracted once, when first asked for.
 * <p>
 * This runs before PDFBox subsets the fonts on save, and until then only ASCII maps back to
 * Unicode (Cyrillic came back as other code points, measured on the sample): callers trust the
 * text for digits, dots and spaces only, and take words from the annotations or the document.
 */
final class MarkedContent {

    /** One marked-content sequence: the page it is on and its id there. */
    record Item(PDPage page, int mcid) {
    }

    private final Map<COSDictionary, Map<Integer, String>> pages = new HashMap<>();

    /** The element's own marked content in order (not that of child elements). */
    static List<Item> ownItems(PDStructureElement element) {
        List<Item> items = new ArrayList<>();
        for (COSBase kid : kids(element)) {
            Item item = item(element, kid);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** The raw /K entries of an element, as a list however /K is written. */
    static List<COSBase> kids(PDStructureElement element) {
        COSBase k = element.getCOSObject().getDictionaryObject(COSName.K);
        List<COSBase> out = new ArrayList<>();
        if (k instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getObject(i));
            }
        } else if (k != null) {
            out.add(k);
        }
        return out;
    }

    /** The marked content a /K entry stands for, or null for a child element or an object reference. */
    static Item item(PDStructureElement element, COSBase kid) {
        if (kid instanceof COSObject object) {
            kid = object.getObject();
        }
        if (kid instanceof COSInteger mcid) {
            return element.getPage() == null ? null : new Item(element.getPage(), mcid.intValue());
        }
        if (kid instanceof COSDictionary dict && COSName.MCR.equals(dict.getCOSName(COSName.TYPE))) {
            COSDictionary page = dict.getCOSDictionary(COSName.PG);
            PDPage on = page != null ? new PDPage(page) : element.getPage();
            return on == null ? null : new Item(on, dict.getInt(COSName.MCID));
        }
        return null;
    }

    /** The text of the element and its descendants, in order. */
    String text(PDStructureElement element) throws IOException {
        StringBuilder out = new StringBuilder();
        for (COSBase raw : kids(element)) {
            Item item = item(element, raw);
            if (item != null) {
                out.append(text(item));
            } else {
                COSBase kid = raw instanceof COSObject o ? o.getObject() : raw;
                if (kid instanceof COSDictionary dict && !COSName.OBJR.equals(dict.getCOSName(COSName.TYPE))) {
                    out.append(text(new PDStructureElement(dict)));
                }
            }
        }
        return out.toString();
    }

    String text(Item item) throws IOException {
        Map<Integer, String> texts = pages.get(item.page().getCOSObject());
        if (texts == null) {
            texts = new HashMap<>();
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(item.page());
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                collect(content, texts);
            }
            pages.put(item.page().getCOSObject(), texts);
        }
        return texts.getOrDefault(item.mcid(), "");
    }

    private static void collect(PDMarkedContent content, Map<Integer, String> texts) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition t) {
                text.append(t.getUnicode());
            } else if (item instanceof PDMarkedContent inner) {
                collect(inner, texts);
            }
        }
        if (content.getMCID() >= 0) {
            texts.merge(content.getMCID(), text.toString(), String::concat);
        }
    }
}

package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a tagged PDF as assistive technology reads it: the structure tree walked in order,
 * each element's marked content (found by page and MCID) in the order of its kids, and a marked
 * content sequence that carries /ActualText read as that text instead of its glyphs. Block
 * elements (P, H1, LI, TD, ...) each give one entry; inline ones (Span, Link, ...) run on in the
 * block that holds them.
 */
final class TaggedText {
    private static final Set<String> INLINE = Set.of("Span", "Link", "Reference", "Quote", "Code", "Em", "Strong",
            "BibEntry", "Annot");

    /** One block element, its text, and on how many pages its marked content is. */
    record Block(String type, String text, int pages) {
    }

    /** Sets off a link's text: a reader announces the link, so a footnote call is no part of the word before it. */
    static final char LINK = '\u2063';

    private final Map<PDPage, Map<Integer, PDMarkedContent>> byPage = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();

    private TaggedText() {
    }

    static List<Block> of(PDDocument document) throws IOException {
        TaggedText tagged = new TaggedText();
        tagged.walk(document.getDocumentCatalog().getStructureTreeRoot(), null, null, null);
        return tagged.blocks;
    }

    private void walk(PDStructureNode node, PDPage inherited, StringBuilder open, Set<PDPage> openPages)
            throws IOException {
        PDPage page = node instanceof PDStructureElement e && e.getPage() != null ? e.getPage() : inherited;
        boolean block = node instanceof PDStructureElement e && !INLINE.contains(e.getStructureType());
        StringBuilder text = block || open == null ? new StringBuilder() : open;
        boolean link = node instanceof PDStructureElement e && e.getStructureType().equals("Link");
        if (link) {
            text.append(LINK);
        }
        int at = blocks.size();
        Set<PDPage> pages = block || openPages == null ? new java.util.HashSet<>() : openPages;
        for (Object kid : node.getKids()) {
            if (kid instanceof Integer mcid) {
                append(page, mcid, text);
                pages.add(page);
            } else if (kid instanceof PDMarkedContentReference reference) {
                PDPage on = reference.getPage() != null ? reference.getPage() : page;
                append(on, reference.getMCID(), text);
                pages.add(on);
            } else if (kid instanceof PDStructureElement element) {
                walk(element, page, text, pages);
            }
        }
        if (link) {
            text.append(LINK);
        }
        if (text != open && node instanceof PDStructureElement e) {
            blocks.add(at, new Block(e.getStructureType(), text.toString(), pages.size()));
        }
    }

    private void append(PDPage page, int mcid, StringBuilder out) throws IOException {
        if (page == null) {
            return;
        }
        Map<Integer, PDMarkedContent> contents = byPage.get(page);
        if (contents == null) {
            contents = new HashMap<>();
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            index(extractor.getMarkedContents(), contents);
            byPage.put(page, contents);
        }
        PDMarkedContent content = contents.get(mcid);
        if (content != null) {
            text(content, out);
        }
    }

    private static void index(List<?> contents, Map<Integer, PDMarkedContent> out) {
        for (Object item : contents) {
            if (item instanceof PDMarkedContent mc) {
                if (mc.getMCID() >= 0) {
                    out.put(mc.getMCID(), mc);
                }
                index(mc.getContents(), out);
            }
        }
    }

    /** The glyphs' text, with /ActualText in place of the content it is given for. */
    static void text(PDMarkedContent content, StringBuilder out) {
        if (content.getActualText() != null) {
            out.append(content.getActualText());
            return;
        }
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition t) {
                out.append(t.getUnicode());
            } else if (item instanceof PDMarkedContent nested) {
                text(nested, out);
            }
        }
    }
}

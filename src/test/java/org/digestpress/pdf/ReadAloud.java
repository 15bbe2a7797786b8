package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The structure tree as assistive technology walks it: every element in reading order with the
 * text of its own marked content (artifacts are never reached, since nothing in the tree points
 * to them), its /Alt and /Lang, the language inherited from above, and for a Link the /Contents of
 * its annotation.
 */
final class ReadAloud {

    /** One structure element and what a reader hears of it. */
    record Heard(String type, String text, String alt, String lang, String contents, PDStructureElement element) {
    }

    private final Map<PDPage, Map<Integer, String>> texts = new HashMap<>();
    final List<Heard> elements = new ArrayList<>();
    final String catalogLang;

    ReadAloud(PDDocument document) throws IOException {
        catalogLang = document.getDocumentCatalog().getLanguage();
        for (PDPage page : document.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> byMcid = new HashMap<>();
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                collect(content, byMcid);
            }
            texts.put(page, byMcid);
        }
        walk(document.getDocumentCatalog().getStructureTreeRoot(), null, catalogLang);
    }

    private static void collect(PDMarkedContent content, Map<Integer, String> byMcid) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition t) {
                text.append(t.getUnicode());
            } else if (item instanceof PDMarkedContent inner) {
                collect(inner, byMcid);
            }
        }
        if (content.getMCID() >= 0 && !"Artifact".equals(content.getTag())) {
            byMcid.merge(content.getMCID(), text.toString(), String::concat);
        }
    }

    /** The text the subtree of {@code node} reads, in order. */
    String textOf(PDStructureNode node) {
        StringBuilder out = new StringBuilder();
        PDPage page = node instanceof PDStructureElement e ? e.getPage() : null;
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                out.append(textOf(element));
            } else if (kid instanceof Integer mcid) {
                out.append(text(page, mcid));
            } else if (kid instanceof PDMarkedContentReference ref) {
                out.append(text(ref.getPage() != null ? ref.getPage() : page, ref.getMCID()));
            }
        }
        return out.toString();
    }

    private String text(PDPage page, int mcid) {
        Map<Integer, String> byMcid = page == null ? null : texts.get(page);
        return byMcid == null ? "" : byMcid.getOrDefault(mcid, "");
    }

    private void walk(PDStructureNode node, PDStructureElement parent, String lang) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                String own = element.getLanguage() != null ? element.getLanguage() : lang;
                elements.add(new Heard(element.getStructureType(), textOf(element), element.getAlternateDescription(),
                        own, contents(element), element));
                walk(element, element, own);
            }
        }
    }

    private static String contents(PDStructureElement element) {
        for (Object kid : element.getKids()) {
            if (kid instanceof PDObjectReference reference && reference.getReferencedObject() != null
                    && reference.getReferencedObject().getCOSObject() instanceof COSDictionary annotation) {
                return annotation.getString(COSName.CONTENTS);
            }
        }
        return null;
    }

    List<Heard> ofType(String type) {
        return elements.stream().filter(h -> type.equals(h.type())).toList();
    }

    /** One line per element, indented by depth: for looking at a tree while writing a test. */
    String dump() {
        StringBuilder out = new StringBuilder();
        for (Heard h : elements) {
            int depth = 0;
            for (PDStructureNode p = h.element().getParent(); p instanceof PDStructureElement e; p = e.getParent()) {
                depth++;
            }
            out.append("  ".repeat(depth)).append(h.type());
            if (h.alt() != null) {
                out.append(" alt=«").append(h.alt()).append('»');
            }
            if (h.element().getLanguage() != null) {
                out.append(" lang=").append(h.element().getLanguage());
            }
            if (h.contents() != null) {
                out.append(" contents=«").append(h.contents()).append('»');
            }
            String text = h.text();
            out.append(": ").append(text.length() > 160 ? text.substring(0, 160) + "…" : text).append('\n');
        }
        return out.toString();
    }
}

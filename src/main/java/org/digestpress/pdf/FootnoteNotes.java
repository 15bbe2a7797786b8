package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * Puts each footnote into the reading order right after the paragraph that calls it, tagged Note.
 *
 * openhtmltopdf 1.1.65 keeps footnotes at the page foot in PDF/UA mode and tags them, but as a
 * layer of their own: one Sect per page's footnote area, after the whole main text, so a screen
 * reader would meet every note at the end of the issue, far from its call. The call is a Link
 * whose annotation's /Contents is "#fs-footnote-N"; the bodies sit, one Div each, in the Sect
 * elements directly under the document, on the page of their calls, in the order of the calls.
 * Where the calls and bodies of a page do not pair up one to one, that page is left as it was.
 * Only the structure tree changes; nothing on the page moves.
 */
final class FootnoteNotes {

    private static final String CALL_PREFIX = "#fs-footnote-";
    private static final Set<String> BLOCKS = Set.of("P", "H1", "H2", "H3", "H4", "H5", "H6", "BlockQuote", "Caption");

    private FootnoteNotes() {
    }

    private record Call(PDStructureElement link, String target) {
    }

    static void placeAfterCalls(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        Map<PDPage, List<Call>> calls = new LinkedHashMap<>();
        collectCalls(root, calls);
        if (calls.isEmpty()) {
            return;
        }
        Map<PDPage, List<PDStructureElement>> bodies = new LinkedHashMap<>();
        List<PDStructureElement> areas = new ArrayList<>();
        PDStructureElement document0 = onlyElement(root);
        PDStructureNode top = document0 != null ? document0 : root;
        for (Object kid : top.getKids()) {
            if (kid instanceof PDStructureElement sect && "Sect".equals(sect.getStructureType())) {
                List<PDStructureElement> divs = elements(sect);
                if (divs.isEmpty() || divs.size() != sect.getKids().size()
                        || divs.stream().anyMatch(d -> !"Div".equals(d.getStructureType()))) {
                    continue;
                }
                PDPage page = pageOf(sect);
                if (page != null && calls.containsKey(page)) {
                    bodies.computeIfAbsent(page, p -> new ArrayList<>()).addAll(divs);
                    areas.add(sect);
                }
            }
        }
        for (Map.Entry<PDPage, List<Call>> page : calls.entrySet()) {
            List<PDStructureElement> notes = bodies.getOrDefault(page.getKey(), List.of());
            if (notes.size() != page.getValue().size()) {
                continue;
            }
            for (int i = 0; i < notes.size(); i++) {
                move(notes.get(i), page.getValue().get(i));
            }
        }
        for (PDStructureElement area : areas) {
            if (area.getKids().isEmpty()) {
                top.removeKid(area);
            }
        }
    }

    private static void move(PDStructureElement note, Call call) {
        PDStructureNode area = note.getParent();
        area.removeKid(note);
        note.setStructureType("Note");
        // PDF/UA-1 7.9: a Note has an ID; the link target's name is unique in the document.
        note.setElementIdentifier(call.target().substring(1));
        PDStructureNode block = call.link();
        while (block instanceof PDStructureElement e && !BLOCKS.contains(e.getStructureType())) {
            block = e.getParent();
        }
        if (block instanceof PDStructureElement paragraph && paragraph.getParent() != null) {
            PDStructureNode parent = paragraph.getParent();
            Object next = null;
            boolean seen = false;
            for (Object kid : parent.getKids()) {
                if (seen && kid instanceof PDStructureElement) {
                    next = kid;
                    break;
                }
                seen |= kid instanceof PDStructureElement e && e.getCOSObject() == paragraph.getCOSObject();
            }
            if (next != null) {
                parent.insertBefore(note, next);
            } else {
                parent.appendKid(note);
            }
            note.setParent(parent); // insertBefore leaves /P pointing at the old parent
        } else {
            call.link().getParent().appendKid(note);
            note.setParent(call.link().getParent());
        }
    }

    /** Footnote calls in document order, by the page they are on. */
    private static void collectCalls(PDStructureNode node, Map<PDPage, List<Call>> calls) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Link".equals(element.getStructureType())) {
                    String target = footnoteTarget(element);
                    PDPage page = pageOf(element);
                    if (target != null && page != null) {
                        calls.computeIfAbsent(page, p -> new ArrayList<>()).add(new Call(element, target));
                    }
                }
                collectCalls(element, calls);
            }
        }
    }

    private static String footnoteTarget(PDStructureElement link) {
        for (Object kid : link.getKids()) {
            if (kid instanceof PDObjectReference reference) {
                COSObjectable annotation = reference.getReferencedObject();
                if (annotation != null && annotation.getCOSObject() instanceof COSDictionary dict) {
                    String contents = dict.getString(COSName.CONTENTS);
                    if (contents != null && contents.startsWith(CALL_PREFIX)) {
                        return contents;
                    }
                }
            }
        }
        return null;
    }

    /** The page of the element, or of its first descendant that names one, or of an ancestor. */
    private static PDPage pageOf(PDStructureElement element) {
        if (element.getPage() != null) {
            return element.getPage();
        }
        for (PDStructureElement kid : elements(element)) {
            PDPage page = pageOf(kid);
            if (page != null) {
                return page;
            }
        }
        return null;
    }

    /** The single Document element under the root, as openhtmltopdf makes it; null if not so. */
    private static PDStructureElement onlyElement(PDStructureTreeRoot root) {
        List<PDStructureElement> kids = elements(root);
        return kids.size() == 1 && root.getKids().size() == 1 ? kids.get(0) : null;
    }

    private static List<PDStructureElement> elements(PDStructureNode node) {
        List<PDStructureElement> out = new ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                out.add(element);
            }
        }
        return out;
    }
}

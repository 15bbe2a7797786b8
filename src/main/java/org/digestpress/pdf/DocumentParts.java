package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.digestpress.pdf.PagePositions.collect;

/**
 * The body's parts that start with a forced page break (cover, contents, each section, back
 * page): they are laid out independently of each other, so a layout pass of the float placement
 * may take out every part but the ones that changed (see {@link FloatPlacement}). A part is named
 * by its first element.
 */
final class DocumentParts {
    /** The first element of the body's part that each body child belongs to. */
    private final Map<Element, Element> partOf = new IdentityHashMap<>();

    /**
     * Groups the body's children into parts, a new one at each child whose style forces a page
     * break before it. A child with no block box (a running header) belongs to no part and stays
     * in every pass.
     */
    void find(Document document, PdfBoxRenderer renderer) {
        Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
        collect(renderer.getRootBox(), boxes, 0);
        Element part = null;
        for (Node n = body(document).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && boxes.get(child) != null) {
                if (part == null || boxes.get(child).getStyle().isForcePageBreakBefore()) {
                    part = child;
                }
                partOf.put(child, part);
            }
        }
    }

    /** Counts {@code child} as a body child of the part whose first element is {@code first}. */
    void add(Element child, Element first) {
        partOf.put(child, first);
    }

    /** The part of every body child, by its first element (a part as often as it has children). */
    java.util.Collection<Element> firsts() {
        return partOf.values();
    }

    /** The body's element children of each part, in document order, by the part's first element. */
    Map<Element, List<Node>> blocks(Document document) {
        Map<Element, List<Node>> blocks = new java.util.LinkedHashMap<>();
        for (Node n = body(document).getFirstChild(); n != null; n = n.getNextSibling()) {
            Element part = n instanceof Element e ? partOf.get(e) : null;
            if (part != null) {
                blocks.computeIfAbsent(part, p -> new ArrayList<>()).add(n);
            }
        }
        return blocks;
    }

    /** Takes every part but {@code parts} out of the body; answers the body's children as they were. */
    List<Node> keepOnly(Document document, Set<Element> parts) {
        Element body = body(document);
        List<Node> children = new ArrayList<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        for (Node n : children) {
            Element part = n instanceof Element e ? partOf.get(e) : null;
            if (part != null && !parts.contains(part)) {
                body.removeChild(n);
            }
        }
        return children;
    }

    /** Puts the body's children back as {@link #keepOnly} answered them. */
    static void restore(Document document, List<Node> children) {
        Element body = body(document);
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        children.forEach(body::appendChild);
    }

    private static Element body(Document document) {
        Node body = document.getElementsByTagName("body").item(0);
        return body instanceof Element e ? e : document.getDocumentElement();
    }

    /** The part an element is in, walking up to the body's child. */
    Element of(Element element) {
        for (Node n = element; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && partOf.containsKey(e)) {
                return partOf.get(e);
            }
        }
        return null;
    }
}

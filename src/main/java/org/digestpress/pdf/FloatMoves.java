package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import org.w3c.dom.Element;

import static org.digestpress.pdf.Elements.firstElement;
import static org.digestpress.pdf.Elements.hasClass;
import static org.digestpress.pdf.Elements.nextElement;
import static org.digestpress.pdf.Elements.previousElement;
import static org.digestpress.pdf.PagePositions.collect;
import static org.digestpress.pdf.PagePositions.pageIndex;

/**
 * The moves of one float placement (see {@link FloatPlacement}): where a floating block starts a
 * page although the page before ended early, it goes after as many of the paragraphs that
 * followed it as it takes to fill that hole; a picture under an article's title lets the title
 * stay behind; a box taller than half a page becomes {@code box--long} and may split. It
 * remembers what it moved, so that each block moves at most once.
 */
final class FloatMoves {
    /** A hole smaller than this share of the page's text block is left alone. */
    private static final double HOLE = 0.12;
    /** A box taller than this share of the text block may split across pages (it becomes {@code box--long}). */
    static final double LONG_BOX = 0.5;
    /**
     * A title left behind above its moved picture needs this fraction (1/n) of the text block
     * under it, a few lines of text, so that it does not stand alone at the foot of the page.
     */
    private static final int ROOM_UNDER_TITLE = 12;

    private final Set<Element> moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Looks at a laid-out document and moves what left holes.
     *
     * @param parts  the parts of the document, which the answer names
     * @param frozen the parts put in as an earlier build settled them: nothing in them moves
     * @return the parts whose DOM changed: they must be laid out again
     */
    Set<Element> improve(PdfBoxRenderer renderer, DocumentParts parts, Set<Element> frozen) {
        Set<Element> changed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        BlockBox root = renderer.getRootBox();
        List<PageBox> pages = root.getLayer().getPages();
        if (pages.isEmpty()) {
            return changed;
        }
        // Document order (a DOM node's equals is identity), so holes are found from the first page on.
        Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
        collect(root, boxes, 0);
        int pageHeight = pages.get(0).getBottom() - pages.get(0).getTop();
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            if (frozen.contains(parts.of(element))) {
                continue;
            }
            if (isLongBox(element, entry.getValue(), pageHeight)) {
                element.setAttribute("class", element.getAttribute("class") + " box--long");
                changed.add(parts.of(element));
            }
        }
        // A part with a box newly made long is laid out again first: the box changes its every page after it.
        Set<Element> settled = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        settled.addAll(changed);
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            if (settled.contains(parts.of(element)) || frozen.contains(parts.of(element))) {
                continue;
            }
            if (hasClass(element, "box--long")) {
                if (BoxContinuations.label(element, boxes, pages)) {
                    changed.add(parts.of(element));
                }
                continue;
            }
            if (hasClass(element, "article__image") && !moved.contains(element)) {
                if (placeArticleImage(element, boxes, pages, pageHeight)) {
                    changed.add(parts.of(element));
                }
                continue;
            }
            if (hasClass(element, "table-figure") && isFloat(element) && !moved.contains(element)
                    && TableContinuations.settle(element, boxes, pages, pageHeight, moved)) {
                changed.add(parts.of(element));
                continue;
            }
            if (!isFloat(element) || moved.contains(element)) {
                continue;
            }
            Box box = entry.getValue();
            Element before = previousElement(element);
            Box previous = before == null ? null : boxes.get(before);
            if (previous == null) {
                continue;
            }
            int previousBottom = previous.getAbsY() + previous.getHeight();
            int floatPage = pageIndex(pages, box.getAbsY() + 1);
            int previousPage = pageIndex(pages, previousBottom - 1);
            if (floatPage < 0 || floatPage != previousPage + 1) {
                continue;
            }
            int hole = pages.get(previousPage).getBottomUsable() - previousBottom;
            if (hole < HOLE * pageHeight) {
                continue;
            }
            Element after = fillers(element, nextElement(element), boxes, hole);
            if (after != null) {
                element.getParentNode().insertBefore(element, after.getNextSibling());
                moved.add(element);
                changed.add(parts.of(element));
            }
        }
        changed.remove(null);
        return changed;
    }

    /**
     * The last of the blocks after {@code floating} that together fill {@code hole}: paragraphs,
     * lists and headings of the same parent, and floats of another kind (a table may pass a
     * figure: each kind keeps its own numbering order) when they fit or, being tables, can
     * split. Never a heading last: a heading stays with the text under it. Null when nothing can
     * fill.
     */
    static Element fillers(Element floating, Element first, Map<Element, Box> boxes, int hole) {
        int filled = 0;
        Element last = null;
        for (Element next = first; next != null; next = nextElement(next)) {
            Box box = boxes.get(next);
            if (box == null) {
                break;
            }
            Element following = nextElement(next);
            Box after = following == null ? null : boxes.get(following);
            int height = Math.max(0, after != null ? after.getAbsY() - box.getAbsY() : box.getHeight());
            if (isFloat(next)) {
                boolean sameKind = kind(next).equals(kind(floating));
                boolean fits = filled + height <= hole || kind(next).equals("table-figure");
                if (sameKind || !fits) {
                    break;
                }
            } else if (!isText(next)) {
                break;
            }
            filled += height;
            last = next;
            if (filled >= hole && !isHeading(next)) {
                break;
            }
        }
        while (last != null && isHeading(last)) {
            Element before = previousElement(last);
            last = before == floating || before == null ? null : before;
        }
        return last;
    }

    private static String kind(Element element) {
        for (String kind : List.of("figure", "table-figure", "box")) {
            if (hasClass(element, kind)) {
                return kind;
            }
        }
        return "";
    }

    /**
     * The picture under an article's title: when title and picture together went to the next
     * page and left the previous article's last page short, the title stays behind with the
     * first paragraphs and the picture comes after them, at the top of the next page.
     */
    private boolean placeArticleImage(Element image, Map<Element, Box> boxes, List<PageBox> pages, int pageHeight) {
        Element head = previousElement(image);
        Element article = image.getParentNode() instanceof Element a ? a : null;
        Element body = nextElement(image);
        Element before = article == null ? null : previousElement(article);
        if (head == null || body == null || before == null || !hasClass(body, "article__body")
                || !hasClass(before, "article")) {
            return false; // the first article of a section starts on a fresh page anyway
        }
        Box headBox = boxes.get(head);
        Box beforeBox = boxes.get(before);
        Box imageBox = boxes.get(image);
        if (headBox == null || beforeBox == null || imageBox == null) {
            return false;
        }
        int beforeBottom = beforeBox.getAbsY() + beforeBox.getHeight();
        int beforePage = pageIndex(pages, beforeBottom - 1);
        int headPage = pageIndex(pages, headBox.getAbsY() + 1);
        if (beforePage < 0 || headPage != beforePage + 1) {
            return false;
        }
        int hole = pages.get(beforePage).getBottomUsable() - beforeBottom;
        // The title must fit with room for a few lines under it, or it would be left alone.
        int room = hole - (imageBox.getAbsY() - headBox.getAbsY()) - pageHeight / ROOM_UNDER_TITLE;
        if (hole < HOLE * pageHeight || room <= 0) {
            return false;
        }
        Element first = firstElement(body);
        Element after = first == null ? null : fillers(image, first, boxes, room);
        if (after == null) {
            return false;
        }
        body.insertBefore(image, after.getNextSibling());
        moved.add(image);
        return true;
    }

    private static boolean isLongBox(Element element, Box box, int pageHeight) {
        return hasClass(element, "box") && !hasClass(element, "box--long") && box.getHeight() > pageHeight * LONG_BOX;
    }

    /** Figures, tables with their caption, and boxes inside an article's body. */
    static boolean isFloat(Element element) {
        if (!(element.getParentNode() instanceof Element parent) || !hasClass(parent, "article__body")) {
            return false;
        }
        return hasClass(element, "figure") || hasClass(element, "table-figure") || hasClass(element, "box");
    }

    private static boolean isText(Element element) {
        return switch (element.getTagName()) {
            case "p", "ul", "ol", "h3", "h4", "h5", "h6", "blockquote", "pre" -> true;
            default -> false;
        };
    }

    private static boolean isHeading(Element element) {
        return element.getTagName().matches("h[1-6]");
    }
}

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
import org.w3c.dom.Node;

/**
 * Floats for figures, tables and boxes, done the way print layout does them: a block that does
 * not fit in the space left on a page goes to the top of the next page, and the text that
 * follows it fills the page.
 *
 * <p>openhtmltopdf has no page floats: a block with {@code page-break-inside: avoid} that does
 * not fit moves whole to the next page and leaves a hole. So the document is laid out, and the
 * laid-out boxes are read back (each box knows its element and its position in one tall
 * coordinate space that the pages slice): where a floating block starts a page although the
 * page before ended early, the block is moved in the DOM after as many of the paragraphs that
 * followed it as it takes to fill that hole, and the document is laid out again. A block moves
 * only among its siblings in its own article body, only forward, past paragraphs that stood on
 * the page it went to, so it stays in its article and at most one page from where it stood;
 * each block moves at most once, and the number of passes is bounded.
 *
 * <p>A box taller than half a page may instead split across pages ({@code box--long} lifts its
 * {@code page-break-inside: avoid}); a shorter one never splits.
 */
final class FloatPlacement {
    /** The style of the classes set here; it comes last in the head, so it wins over the template's. */
    static final String CSS = ".box.box--long { page-break-inside: auto; }\n";
    /** Layouts at most, the first included: each further pass costs a full layout. */
    static final int MAX_PASSES = 4;
    /** A hole smaller than this share of the page's text block is left alone. */
    private static final double HOLE = 0.12;

    private final Set<Element> moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Looks at a laid-out document and moves what left holes.
     *
     * @return true when the DOM changed and the document must be laid out again
     */
    boolean improve(PdfBoxRenderer renderer) {
        BlockBox root = renderer.getRootBox();
        List<PageBox> pages = root.getLayer().getPages();
        if (pages.isEmpty()) {
            return false;
        }
        // Document order (a DOM node's equals is identity), so holes are found from the first page on.
        Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
        collect(root, boxes, 0);
        boolean changed = false;
        int pageHeight = pages.get(0).getBottom() - pages.get(0).getTop();
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            Box box = entry.getValue();
            if (isLongBox(element, box, pageHeight)) {
                element.setAttribute("class", element.getAttribute("class") + " box--long");
                changed = true;
            }
        }
        if (changed) {
            return true; // lay the long boxes out first: they change every page after them
        }
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            if (hasClass(element, "article__image") && !moved.contains(element)) {
                changed |= placeArticleImage(element, boxes, pages, pageHeight);
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
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The last of the blocks after {@code floating} that together fill {@code hole}: paragraphs,
     * lists and headings of the same parent, and floats of another kind (a table may pass a
     * figure: each kind keeps its own numbering order) when they fit or, being tables, can
     * split. Never a heading last: a heading stays with the text under it. Null when nothing can
     * fill.
     */
    private static Element fillers(Element floating, Element first, Map<Element, Box> boxes, int hole) {
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
        int room = hole - (imageBox.getAbsY() - headBox.getAbsY()) - pageHeight / 12;
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

    private static Element firstElement(Element parent) {
        Node n = parent.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static boolean isLongBox(Element element, Box box, int pageHeight) {
        return hasClass(element, "box") && !hasClass(element, "box--long") && box.getHeight() > pageHeight / 2;
    }

    /** Figures, tables with their caption, and boxes inside an article's body. */
    private static boolean isFloat(Element element) {
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

    private static int pageIndex(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return -1;
    }

    /** The first box of every element, block boxes only (inline content has no floats). */
    private static void collect(Box box, Map<Element, Box> boxes, int depth) {
        if (depth > 200) {
            return;
        }
        Element element = box.getElement();
        if (element != null && box instanceof BlockBox && !boxes.containsKey(element)) {
            boxes.put(element, box);
        }
        for (Box child : box.getChildren()) {
            if (child instanceof BlockBox) {
                collect(child, boxes, depth + 1);
            }
        }
    }

    static boolean hasClass(Element element, String name) {
        for (String c : element.getAttribute("class").split("\\s+")) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Element previousElement(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    private static Element nextElement(Node node) {
        Node n = node.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }
}

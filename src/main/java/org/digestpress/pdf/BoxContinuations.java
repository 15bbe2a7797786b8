package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.digestpress.pdf.Elements.firstElement;
import static org.digestpress.pdf.Elements.hasClass;
import static org.digestpress.pdf.Elements.nextElement;
import static org.digestpress.pdf.Elements.previousElement;
import static org.digestpress.pdf.Elements.setClass;
import static org.digestpress.pdf.PagePositions.firstLinePage;

/**
 * Long boxes across pages, as a book sets them: where a box taller than half a page
 * ({@code box--long}, see {@link FloatPlacement}) goes on to a new page, that page starts with
 * the box's label and «(окончание)» (the box's {@code data-continued}, from the article's
 * labels). {@link TableContinuations} does the same for tables.
 */
final class BoxContinuations {
    /** The styles of the classes set here. */
    static final String CSS = ".box__label--continued { page-break-after: avoid; }\n"
            // The list's margins between its two parts would push its last item to the next page.
            + ".box__list--split { margin-bottom: 0; padding-bottom: 0; }\n"
            + ".box__list--continued { margin-top: 0; padding-top: 0; }\n";
    /** The class of a repeated label that this stage inserts at the top of a long box's next page. */
    private static final String CONTINUED = "box__label--continued";
    /** The classes of the two parts of a list that a page break inside a long box split here. */
    private static final String SPLIT_LIST = "box__list--split";
    private static final String CONTINUED_LIST = "box__list--continued";

    private BoxContinuations() {
    }

    /**
     * Makes each page a long box goes on to start with its repeated label: the label goes before
     * the box's first block on that page, and where the page starts inside a list, the list is
     * split there (a numbered one goes on counting) and the label goes between the two. Labels
     * and splits that a later pass finds away from a page top (the text above them moved) are
     * undone first. The label is a paragraph of the box's body, so it is read in order and laid
     * out like the box's own label.
     *
     * @return true when the DOM changed
     */
    static boolean label(Element box, Map<Element, Box> boxes, List<PageBox> pages) {
        String text = box.getAttribute("data-continued");
        Element body = null;
        for (Element child = firstElement(box); child != null; child = nextElement(child)) {
            if (hasClass(child, "box__body")) {
                body = child;
            }
        }
        if (text.isEmpty() || body == null) {
            return false;
        }
        // Where the pages start: the first block, or list item, of the box on each later page.
        List<Element> wanted = new ArrayList<>();
        int page = -1;
        for (Element block : blocks(body)) {
            Box laid = boxes.get(block);
            if (laid == null) {
                continue;
            }
            int top = firstLinePage(pages, laid);
            if (page >= 0 && top > page) {
                wanted.add(isFirstItem(block) ? (Element) block.getParentNode() : block);
            }
            page = Math.max(page, top);
        }
        // Where the labels are, and whether each still opens its page.
        List<Element> labelled = new ArrayList<>();
        boolean stale = false;
        for (Element child = firstElement(body); child != null; child = nextElement(child)) {
            if (hasClass(child, CONTINUED)) {
                Element next = nextElement(child);
                Element opened = next != null && hasClass(next, CONTINUED_LIST) ? firstElement(next) : next;
                Box labelBox = boxes.get(child);
                Box openedBox = opened == null ? null : boxes.get(opened);
                stale |= labelBox == null || openedBox == null
                        || firstLinePage(pages, labelBox) != firstLinePage(pages, openedBox);
                labelled.add(opened);
            }
        }
        if (!stale && wanted.equals(labelled)) {
            return false;
        }
        undoContinuations(body);
        for (Element start : wanted) {
            Element before = start;
            if (start.getTagName().equals("li")) {
                before = splitListAt(start);
            }
            Element label = start.getOwnerDocument().createElementNS(start.getNamespaceURI(), "p");
            label.setAttribute("class", "box__label " + CONTINUED);
            label.setTextContent(text);
            before.getParentNode().insertBefore(label, before);
        }
        return true;
    }

    /** The body's blocks in reading order, a list as its items; the labels set here left out. */
    private static List<Element> blocks(Element body) {
        List<Element> blocks = new ArrayList<>();
        for (Element child = firstElement(body); child != null; child = nextElement(child)) {
            if (hasClass(child, CONTINUED)) {
                continue;
            }
            if (isList(child)) {
                for (Element item = firstElement(child); item != null; item = nextElement(item)) {
                    blocks.add(item);
                }
            } else {
                blocks.add(child);
            }
        }
        return blocks;
    }

    private static boolean isList(Element element) {
        return element.getTagName().equals("ul") || element.getTagName().equals("ol");
    }

    /** The first item of a list that is not the second part of a list split here. */
    private static boolean isFirstItem(Element block) {
        return block.getTagName().equals("li") && previousElement(block) == null
                && block.getParentNode() instanceof Element list && !hasClass(list, CONTINUED_LIST);
    }

    /** Takes the labels out and joins split lists back together. */
    private static void undoContinuations(Element body) {
        for (Element child = firstElement(body); child != null; ) {
            Element next = nextElement(child);
            if (hasClass(child, CONTINUED)) {
                body.removeChild(child);
            } else if (hasClass(child, CONTINUED_LIST)) {
                Element first = previousElement(child);
                while (child.getFirstChild() != null) {
                    first.appendChild(child.getFirstChild());
                }
                body.removeChild(child);
                setClass(first, SPLIT_LIST, false);
            }
            child = next;
        }
    }

    /** Moves {@code item} and the items after it into a list of their own after its list; answers that list. */
    private static Element splitListAt(Element item) {
        Element list = (Element) item.getParentNode();
        Element rest = (Element) list.cloneNode(false);
        setClass(list, SPLIT_LIST, true);
        setClass(rest, SPLIT_LIST, false);
        setClass(rest, CONTINUED_LIST, true);
        if (list.getTagName().equals("ol")) {
            int before = 0;
            for (Element e = previousElement(item); e != null; e = previousElement(e)) {
                before++;
            }
            int start = 1;
            try {
                start = list.hasAttribute("start") ? Integer.parseInt(list.getAttribute("start").strip()) : 1;
            } catch (NumberFormatException e) {
                // a start the renderer would not read either: count from 1
            }
            rest.setAttribute("start", Integer.toString(start + before));
        }
        rest.removeAttribute("id");
        for (Node n = item; n != null; ) {
            Node next = n.getNextSibling();
            rest.appendChild(n);
            n = next;
        }
        list.getParentNode().insertBefore(rest, list.getNextSibling());
        return rest;
    }
}

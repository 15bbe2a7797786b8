package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.digestpress.pdf.Elements.firstElement;
import static org.digestpress.pdf.Elements.nextElement;
import static org.digestpress.pdf.Elements.previousElement;

/**
 * Tables across pages, as print sets them. A table short enough to go whole onto one page (at
 * most half a text block, the same bound a box has) is not split: it is kept together and moves,
 * with the floats right after it, behind the text that fills the page it left, so it opens the
 * next page (where no text follows to fill that page, it runs on as a long one does). A longer
 * table runs on, and every page it goes on to starts with «Продолжение табл. N» (or
 * «Окончание табл. N» on its last page; «Table N (continued)» in English) above its repeated
 * header.
 *
 * <p>openhtmltopdf repeats a table's header on each page ({@code -fs-table-paginate}) but has
 * no place for a line above it, so the table is split in the DOM where a page starts: the rows
 * from there on go into a copy of the table (its columns and header copied too) after a label
 * paragraph that starts a page ({@code page-break-before: always}). The labels come from the
 * table's {@code data-continued} and {@code data-continuing} (set by the Markdown stage, from
 * the article's labels). A later pass that finds a split where no page would break (the text
 * above moved, so the rows before the label would now leave room under them for the next one)
 * joins the parts from there on back; the pass after that splits them where their pages then
 * start. Splits before it stand, and rows that a page now starts with get their label.
 */
final class TableContinuations {
    /**
     * The breaks these classes need. A part whose rows start on an odd row is marked
     * {@code table__rows--odd}, for the template's zebra stripes to go on where they left off.
     */
    static final String CSS = ".table-figure.table-figure--whole { page-break-inside: avoid; }\n"
            + ".table-figure__continued { page-break-before: always; page-break-after: avoid; }\n";
    static final String LABEL = "table-figure__continued";
    private static final String WHOLE = "table-figure--whole";
    private static final String PART = "table--continued";
    private static final String ODD = "table__rows--odd";

    private TableContinuations() {
    }

    /**
     * Looks at one laid-out table figure and changes what it needs.
     *
     * @return true when the DOM changed
     */
    static boolean settle(Element figure, Map<Element, Box> boxes, List<PageBox> pages, int pageHeight,
                          Set<Element> moved) {
        Box box = boxes.get(figure);
        List<Element> rows = rows(figure);
        if (box == null || rows.isEmpty() || hasRowSpans(rows)) {
            return false;
        }
        List<Element> labels = labels(figure);
        if (labels.isEmpty() && !Elements.hasClass(figure, WHOLE) && naturalHeight(figure, boxes) <= pageHeight * FloatMoves.LONG_BOX
                && page(pages, boxes.get(rows.get(0))) != page(pages, boxes.get(rows.get(rows.size() - 1)))
                && moveWhole(figure, box, boxes, pages, moved)) {
            return true;
        }
        if (!figure.hasAttribute("data-continued")) {
            return false;
        }
        // Walk the rows in order: a row that starts a page unlabelled wants a label; a label that no
        // longer stands where a page would break anyway is stale, and so is every part after it
        // (their pages were laid out behind a break that should not be there).
        java.util.IdentityHashMap<Element, Element> labelBefore = new java.util.IdentityHashMap<>();
        for (Element label : labels) {
            Element part = nextElement(label);
            List<Element> partRows = part == null ? List.of() : rows(part);
            if (partRows.isEmpty()) {
                join(figure, labels.get(0)); // not a split made here: start again
                return true;
            }
            labelBefore.put(partRows.get(0), label);
        }
        List<Element> wanted = new ArrayList<>();
        Element stale = null;
        Element previous = null;
        int page = -1;
        for (Element row : rows) {
            int top = page(pages, boxes.get(row));
            if (top < 0) {
                return false;
            }
            Element label = labelBefore.get(row);
            if (label != null && previous != null && isStale(boxes.get(previous), boxes.get(row), pages)) {
                stale = label;
                break;
            } else if (label == null && page >= 0 && top > page) {
                wanted.add(row);
            }
            page = Math.max(page, top);
            previous = row;
        }
        if (stale == null && wanted.isEmpty()) {
            return false;
        }
        if (stale != null) {
            join(figure, stale);
        }
        for (Element row : wanted) {
            split(row);
        }
        List<Element> now = labels(figure);
        for (int i = 0; i < now.size(); i++) {
            now.get(i).setTextContent(figure.getAttribute(i == now.size() - 1 ? "data-continued" : "data-continuing"));
        }
        return true;
    }

    /**
     * A label's page break is stale when the page the rows before it end on has room for the row
     * after it, or that row is not on the next page.
     */
    private static boolean isStale(Box last, Box next, List<PageBox> pages) {
        int lastPage = page(pages, last);
        return lastPage < 0 || page(pages, next) != lastPage + 1
                || pages.get(lastPage).getBottomUsable() - (last.getAbsY() + last.getHeight()) >= next.getHeight();
    }

    /**
     * Keeps a short table together and moves it, with the floats right after it (a chart that
     * followed it would be stranded above the hole), after the text that fills the foot of the
     * page it started on. False, and nothing changed, when no text follows to fill it: then the
     * table runs on, labelled.
     */
    private static boolean moveWhole(Element figure, Box box, Map<Element, Box> boxes, List<PageBox> pages,
                                     Set<Element> moved) {
        int page = PagePositions.firstLinePage(pages, box);
        if (page < 0) {
            return false;
        }
        int hole = pages.get(page).getBottomUsable() - box.getAbsY();
        List<Element> group = new ArrayList<>(List.of(figure));
        Element next = nextElement(figure);
        // A float moved before may go again with the table: the table itself moves only once.
        while (next != null && FloatMoves.isFloat(next)) {
            group.add(next);
            next = nextElement(next);
        }
        Element after = next == null ? null : FloatMoves.fillers(figure, next, boxes, hole);
        if (after == null) {
            return false;
        }
        figure.setAttribute("class", figure.getAttribute("class") + " " + WHOLE);
        Node before = after.getNextSibling();
        for (Element e : group) {
            after.getParentNode().insertBefore(e, before);
            moved.add(e);
        }
        return true;
    }

    /** Body rows of a table, or of all the tables of a figure (the parts split off included), in order. */
    private static List<Element> rows(Element holder) {
        List<Element> rows = new ArrayList<>();
        List<Element> tables = holder.getTagName().equals("table") ? List.of(holder) : children(holder, "table");
        for (Element table : tables) {
            for (Element body : children(table, "tbody")) {
                rows.addAll(children(body, "tr"));
            }
        }
        return rows;
    }

    /**
     * The figure's height on one page: its title, rows and source line. A box that runs over a
     * page break is taller by the foot of the page it left and the repeated header.
     */
    private static int naturalHeight(Element figure, Map<Element, Box> boxes) {
        int height = 0;
        for (Element child = firstElement(figure); child != null; child = nextElement(child)) {
            Box box = boxes.get(child);
            if (box == null) {
                continue;
            }
            if (!child.getTagName().equals("table")) {
                height += box.getHeight();
                continue;
            }
            for (Element group = firstElement(child); group != null; group = nextElement(group)) {
                for (Element row : children(group, "tr")) {
                    Box laid = boxes.get(row);
                    height += laid == null ? 0 : laid.getHeight();
                }
            }
        }
        return height;
    }

    private static boolean hasRowSpans(List<Element> rows) {
        for (Element row : rows) {
            for (Element cell = firstElement(row); cell != null; cell = nextElement(cell)) {
                if (cell.hasAttribute("rowspan") && !cell.getAttribute("rowspan").strip().equals("1")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Element> labels(Element figure) {
        List<Element> labels = new ArrayList<>();
        for (Element child = firstElement(figure); child != null; child = nextElement(child)) {
            if (Elements.hasClass(child, LABEL)) {
                labels.add(child);
            }
        }
        return labels;
    }

    /**
     * Moves {@code row} and the rows after it into a copy of its table after that table, under a
     * label paragraph.
     */
    private static void split(Element row) {
        Element body = (Element) row.getParentNode();
        Element table = (Element) body.getParentNode();
        Element part = (Element) table.cloneNode(false);
        part.removeAttribute("id");
        part.setAttribute("class", (part.getAttribute("class") + " " + PART).strip());
        for (Element child = firstElement(table); child != null; child = nextElement(child)) {
            if (child.getTagName().equals("colgroup") || child.getTagName().equals("col")
                    || child.getTagName().equals("thead")) {
                part.appendChild(child.cloneNode(true));
            }
        }
        Element rest = (Element) body.cloneNode(false);
        int before = 0;
        for (Element e = previousElement(row); e != null; e = previousElement(e)) {
            before++;
        }
        boolean odd = Elements.hasClass(body, ODD) ^ (before % 2 == 1);
        rest.setAttribute("class", odd ? ODD : "");
        if (!odd) {
            rest.removeAttribute("class");
        }
        for (Node n = row; n != null; ) {
            Node next = n.getNextSibling();
            rest.appendChild(n);
            n = next;
        }
        part.appendChild(rest);
        Element label = table.getOwnerDocument().createElementNS(table.getNamespaceURI(), "p");
        label.setAttribute("class", LABEL);
        Node after = table.getNextSibling();
        table.getParentNode().insertBefore(label, after);
        table.getParentNode().insertBefore(part, after);
    }

    /**
     * Takes out {@code from} and the labels after it, and moves the rows of the parts after them
     * back into the table before {@code from}.
     */
    private static void join(Element figure, Element from) {
        Element into = previousElement(from);
        while (into != null && !into.getTagName().equals("table")) {
            into = previousElement(into);
        }
        for (Element child = from; child != null; ) {
            Element next = nextElement(child);
            if (Elements.hasClass(child, LABEL)) {
                figure.removeChild(child);
            } else if (into != null && child.getTagName().equals("table") && Elements.hasClass(child, PART)) {
                Element body = lastBody(into);
                for (Element rows : children(child, "tbody")) {
                    while (rows.getFirstChild() != null) {
                        body.appendChild(rows.getFirstChild());
                    }
                }
                figure.removeChild(child);
            }
            child = next;
        }
    }

    private static Element lastBody(Element table) {
        List<Element> bodies = children(table, "tbody");
        return bodies.get(bodies.size() - 1);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Element child = firstElement(parent); child != null; child = nextElement(child)) {
            if (child.getTagName().equals(tag)) {
                out.add(child);
            }
        }
        return out;
    }

    private static int page(List<PageBox> pages, Box box) {
        return box == null ? -1 : PagePositions.firstLinePage(pages, box);
    }
}

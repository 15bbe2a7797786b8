package org.digestpress.pdf;

import java.util.List;
import java.util.Map;

import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import org.w3c.dom.Element;

/**
 * Where laid-out blocks stand: each element's first block box, and the page a position in the
 * one tall coordinate space that the pages slice falls on. The float and table placements read
 * a layout through these.
 */
final class PagePositions {
    /** How deep the box tree is walked: deeper nesting holds no floats of an article body. */
    private static final int MAX_DEPTH = 200;

    private PagePositions() {
    }

    /** The first box of every element, block boxes only (inline content has no floats). */
    static void collect(Box box, Map<Element, Box> boxes, int depth) {
        if (depth > MAX_DEPTH) {
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

    /** The index of the page that holds {@code y}, or -1 when none does. */
    static int pageIndex(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The page of a block's first line: a block's box begins with its top margin, which a page
     * break can leave at the foot of the page before.
     */
    static int firstLinePage(List<PageBox> pages, Box box) {
        return pageIndex(pages, com.openhtmltopdf.render.displaylist.PagedBoxCollector.findContentStartY(box) + 1);
    }
}

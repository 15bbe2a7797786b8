package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.style.CalculatedStyle;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.PageBox;
import org.digestpress.markdown.SourceLines;
import org.w3c.dom.Element;

/**
 * Reads the {@link SourceMap} off a laid-out document: every block box whose element carries
 * {@code data-src} (written by the Markdown stage and the templates as
 * {@code TEXT:LINE:COLUMN:ENDLINE}) gives one rectangle on each page it covers. The attribute is
 * not drawn and not part of the PDF: {@link SourceLines#strip} takes it out of what the PDF's /ID
 * hashes, so the bytes are those of a document without it.
 */
final class SourceBlocks {

    private static final Pattern VALUE = Pattern.compile("(.+):(\\d{1,9}):(\\d{1,9}):(\\d{1,9})");
    private static final int DEEPEST = 400;

    private SourceBlocks() {
    }

    static SourceMap collect(PdfBoxRenderer renderer) {
        Box root = renderer.getRootBox();
        if (root == null) {
            return SourceMap.empty();
        }
        CssContext css = renderer.getSharedContext().newLayoutContextInstance();
        List<PageBox> pages = root.getLayer().getPages();
        List<SourceMap.Block> blocks = new ArrayList<>();
        Map<Box, Boolean> seen = new IdentityHashMap<>();
        walk(root, css, pages, blocks, seen, 0);
        // Footnote areas and other positioned content are layers of their own, outside the box tree.
        walkLayers(root.getLayer(), css, pages, blocks, seen, 0);
        return SourceMap.of(blocks);
    }

    private static void walkLayers(Layer layer, CssContext css, List<PageBox> pages, List<SourceMap.Block> blocks,
                                   Map<Box, Boolean> seen, int depth) {
        if (depth > DEEPEST) {
            return;
        }
        for (Layer child : layer.getChildren()) {
            walk(child.getMaster(), css, pages, blocks, seen, 0);
            walkLayers(child, css, pages, blocks, seen, depth + 1);
        }
    }

    private static void walk(Box box, CssContext css, List<PageBox> pages, List<SourceMap.Block> blocks,
                             Map<Box, Boolean> seen, int depth) {
        if (box == null || depth > DEEPEST || seen.put(box, Boolean.TRUE) != null) {
            return;
        }
        Element element = box.getElement();
        // blocks, and the inline boxes of a footnote's text (one per line it takes at the page foot)
        if ((box instanceof BlockBox || box instanceof InlineLayoutBox) && element != null
                && element.hasAttribute(SourceLines.ATTRIBUTE)) {
            Matcher m = VALUE.matcher(element.getAttribute(SourceLines.ATTRIBUTE));
            if (m.matches()) {
                add(box, m, css, pages, blocks);
            }
        }
        for (Box child : box.getChildren()) {
            walk(child, css, pages, blocks, seen, depth + 1);
        }
        if (box instanceof InlineLayoutBox inline) {
            // inline-blocks sit among the inline children of a line
            for (Object child : inline.getInlineChildren()) {
                if (child instanceof Box b) {
                    walk(b, css, pages, blocks, seen, depth + 1);
                }
            }
        }
    }

    /** One rectangle per page the box covers, clipped to that page's content area. */
    private static void add(Box box, Matcher m, CssContext css, List<PageBox> pages, List<SourceMap.Block> blocks) {
        int top = box.getAbsY();
        int bottom = top + Math.max(1, box.getHeight());
        // an inline box's own width is 0: its extent on the line is its inline width
        int boxWidth = box instanceof InlineLayoutBox inline ? inline.getInlineWidth() : box.getWidth();
        for (int i = 0; i < pages.size(); i++) {
            PageBox page = pages.get(i);
            // the document coordinates the page's content area covers (footnote area included);
            // the painting bounds are set only when the pages are drawn
            int from = Math.max(top, page.getTop());
            int to = Math.min(bottom, page.getBottom());
            if (from >= to) {
                continue;
            }
            double width = page.getWidth(css);
            double height = page.getHeight(css);
            int left = page.getMarginBorderPadding(css, CalculatedStyle.LEFT);
            int above = page.getMarginBorderPadding(css, CalculatedStyle.TOP) - page.getTop();
            blocks.add(new SourceMap.Block(i + 1, (left + box.getAbsX()) / width, (above + from) / height,
                    (left + box.getAbsX() + boxWidth) / width, (above + to) / height, m.group(1),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
    }
}

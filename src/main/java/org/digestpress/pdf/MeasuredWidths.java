package org.digestpress.pdf;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * openhtmltopdf's text measuring, remembered: line breaking measures every word (and every
 * syllable a soft hyphen offers) against the font, about half of a layout, and the float
 * placement lays the same text out several times. A width depends only on the font's faces, its
 * size and the text, so one measurement serves every pass of a build, and every later build that
 * keeps the {@link LayoutMemory}.
 */
final class MeasuredWidths extends PdfBoxTextRenderer {
    /** Past this many the memory is dropped: a 300-page issue has about 60,000 different words. */
    private static final int LIMIT = 500_000;

    /** Widths by text, for each font as {@link #describe} tells fonts apart. */
    private final Map<String, Map<String, Integer>> widths;
    /** A renderer's fonts are its own objects, so the way to their widths is kept per pass. */
    private final Map<FSFont, Map<String, Integer>> byFont = new IdentityHashMap<>();
    /** What the line ends need when the pages are drawn; none while laying out. */
    private LineEnds lineEnds;
    /** Told when a page is complete; none unless {@link #watchPages} was called. */
    private PageWatch pages;

    private MeasuredWidths(Map<String, Map<String, Integer>> widths) {
        this.widths = widths;
    }

    /** Text renderers for the passes of one build or more; each pass takes the next one. */
    static final class Memory {
        private final Map<String, Map<String, Integer>> widths = new HashMap<>();

        void clear() {
            widths.clear();
        }

        MeasuredWidths forPass() {
            if (widths.values().stream().mapToInt(Map::size).sum() > LIMIT) {
                widths.clear();
            }
            return new MeasuredWidths(widths);
        }
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        Map<String, Integer> known = byFont.computeIfAbsent(font, f -> {
            String key = describe(f);
            return key == null ? null : widths.computeIfAbsent(key, k -> new HashMap<>());
        });
        if (known == null) {
            return super.getWidth(context, font, string);
        }
        Integer width = known.get(string);
        if (width == null) {
            width = super.getWidth(context, font, string);
            known.put(string, width);
        }
        return width;
    }

    /** From now on, draws the line ends as {@code ends} says: the pages of this pass are drawn next. */
    void drawLineEnds(LineEnds ends) {
        this.lineEnds = ends;
    }

    @Override
    public void drawString(OutputDevice device, String string, float x, float y) {
        drawString(device, string, x, y, null);
    }

    /**
     * Pages are drawn one after another, so when text is first drawn on a page, every page
     * before it is complete: {@code watch} is told of them then. Text is what every page of an
     * issue has (its running header or number); pages after the last text are told of by the
     * writer once all are drawn.
     */
    void watchPages(PageWatch watch) {
        this.pages = watch;
    }

    /** What {@link #watchPages} tells; see {@link PdfWriter}. */
    interface PageWatch {
        /** Text is being drawn on {@code page} of the document. */
        void drawingOn(PDPage page);
    }

    @Override
    public void drawString(OutputDevice device, String string, float x, float y, JustificationInfo info) {
        if (pages != null && device instanceof PdfBoxFastOutputDevice pdf) {
            pages.drawingOn(pdf.getPage());
        }
        LineEnds.End end = lineEnds == null ? null : lineEnds.at(string, x, y);
        if (end == null) {
            super.drawString(device, string, x, y, info);
        } else {
            end.draw(device, string, x, info, (part, at) -> super.drawString(device, part, at, y, info));
        }
    }

    /** The faces in the order they are tried and the size; null when they cannot be told apart. */
    private static String describe(FSFont font) {
        if (!(font instanceof PdfBoxFSFont pdfFont) || pdfFont.getFontDescriptions() == null) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (FontDescription d : pdfFont.getFontDescriptions()) {
            if (d.getFamily() == null) {
                return null;
            }
            key.append(d.getFamily()).append('/').append(d.getWeight()).append('/').append(d.getStyle()).append(';');
        }
        return key.append(Float.floatToIntBits(pdfFont.getSize2D())).toString();
    }
}

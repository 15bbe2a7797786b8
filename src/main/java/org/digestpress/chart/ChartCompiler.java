package org.digestpress.chart;

import java.awt.Font;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.digestpress.markdown.ChartBlock;
import org.digestpress.markdown.ChartBlockHandler;
import org.digestpress.problem.Problems;
import org.jfree.chart.JFreeChart;

/**
 * The chart stage: reads each {@code ```chart} block, checks it against its data, builds the
 * chart and hands the markdown stage an {@code <object>} placeholder for it. The built charts stay
 * here, keyed by block, until {@link ChartObjectDrawer} draws them into the PDF; so one compiler
 * serves one text (a resident engine keeps one per article, replaced with the article) or one
 * issue, and the compiler given to the PDF builder's object drawer factory must hold every chart
 * of the document: {@link #merged} joins the articles' compilers for one build.
 */
public final class ChartCompiler implements ChartBlockHandler {

    /** The {@code type} of the placeholder {@code <object>}; the drawer factory answers to it. */
    public static final String OBJECT_TYPE = "application/x-digestpress-chart";

    private final ChartStyle style;
    private final java.nio.file.Path root;
    private final Map<String, JFreeChart> charts = new ConcurrentHashMap<>();
    private final Map<String, ChartData> data = new ConcurrentHashMap<>();

    /**
     * The numbers behind one chart, for embedding next to it in the PDF.
     *
     * @param key      the block's key (unique in the issue)
     * @param fileName {@code <id>.csv}, or {@code <key>.csv} for a chart without id
     * @param title    the chart title
     * @param alt      the alt text the figure carries, by which the PDF stage finds the figure
     * @param csv      the CSV file's bytes as read, or the inline rows written as CSV
     */
    public record ChartData(String key, String fileName, String title, String alt, byte[] csv) {
    }

    /** Where each chart came from and where its problems go, for failures only drawing reveals. */
    private final Map<String, ChartBlock> blocks = new ConcurrentHashMap<>();
    private final Map<String, Problems> problemsOf = new ConcurrentHashMap<>();
    /** Where drawing failures go instead, when not null: the problems of the build that draws. */
    private final Problems drawingProblems;

    /** A compiler whose CSV files must lie in the folder of the article that uses them (or below it). */
    public ChartCompiler(ChartStyle style) {
        this(style, null);
    }

    /** @param root the publication folder: CSV files outside it (links followed) are refused */
    public ChartCompiler(ChartStyle style, java.nio.file.Path root) {
        this(style, root, null);
    }

    private ChartCompiler(ChartStyle style, java.nio.file.Path root, Problems drawingProblems) {
        this.style = Objects.requireNonNull(style, "style");
        this.root = root;
        this.drawingProblems = drawingProblems;
    }

    /**
     * The charts of {@code parts} (the compilers of the texts one document shows) as one compiler
     * for one build, whose drawing failures go to that build's {@code problems}: the parts' own
     * problems were collected when they were compiled, maybe by an earlier build. The parts are
     * left as they are, so a part kept for the next build holds nothing of this one.
     */
    public static ChartCompiler merged(ChartStyle style, java.nio.file.Path root, List<ChartCompiler> parts,
                                       Problems problems) {
        ChartCompiler build = new ChartCompiler(style, root, Objects.requireNonNull(problems, "problems"));
        for (ChartCompiler part : parts) {
            build.charts.putAll(part.charts);
            build.data.putAll(part.data);
            build.blocks.putAll(part.blocks);
        }
        return build;
    }

    public ChartStyle style() {
        return style;
    }

    @Override
    public ChartFigure render(ChartBlock block, Problems problems) {
        ChartSpecReader reader = new ChartSpecReader(block,
                root != null ? root : block.file().toAbsolutePath().getParent(), problems);
        ChartSpec spec = reader.read();
        if (spec == null) {
            return null;
        }
        ChartLabels labels = ChartLabels.forLanguage(block.language());
        ChartModelBuilder builder = new ChartModelBuilder(style, labels,
                org.digestpress.typography.Typographer.forLanguage(block.language()));
        reportMissingGlyphs(block, spec, builder.font(), problems);
        charts.put(block.key(), builder.build(spec));
        blocks.put(block.key(), block);
        problemsOf.put(block.key(), problems);
        String alt = spec.alt() != null ? spec.alt() : AltText.describe(spec, labels);
        data.put(block.key(), new ChartData(block.key(), (spec.id() != null ? spec.id() : block.key()) + ".csv",
                spec.title(), attributeText(alt), reader.csv()));
        return new ChartFigure(spec.id(), spec.title(), spec.caption(), spec.source(), objectXhtml(block.key(), spec, alt));
    }

    /**
     * Warns about characters in drawn labels the chart font cannot show: openhtmltopdf would turn
     * such a label into outlines, or AWT into empty boxes. Checked only when AWT knows the family;
     * otherwise the drawer stops the run with a clearer message.
     */
    private static void reportMissingGlyphs(ChartBlock block, ChartSpec spec, Font font, Problems problems) {
        if (!font.getFamily().equals(font.getName())) {
            return;
        }
        List<String> drawn = new ArrayList<>(spec.categories());
        spec.series().forEach(s -> drawn.add(s.name()));
        if (spec.unit() != null) {
            drawn.add(spec.unit());
        }
        for (String text : drawn) {
            int missing = GlyphSubstitutes.firstMissing(text, font);
            if (missing >= 0) {
                problems.warning(block.file(), block.firstLine(), 0, String.format(Locale.ROOT,
                        "The chart font %s has no glyph for '%s' (U+%04X) in '%s'; that label will not print as text.",
                        font.getFamily(), Character.toString(missing), missing, text));
            }
        }
    }

    /** The data of every chart compiled so far, sorted by block key so the PDF gets them in a fixed order. */
    public List<ChartData> data() {
        return data.values().stream().sorted(java.util.Comparator.comparing(ChartData::key)).toList();
    }

    /**
     * Reports that drawing the chart failed, at the line of its block: JFreeChart checks some
     * things (finite axis ranges, for one) only when it draws.
     */
    void drawingFailed(String key, RuntimeException failure) {
        ChartBlock block = blocks.get(key);
        Problems problems = drawingProblems != null ? drawingProblems : problemsOf.get(key);
        if (block == null || problems == null) {
            throw failure;
        }
        // the library's message names Java internals, which an editor cannot act on
        problems.error(block.file(), Math.max(1, block.firstLine() - 1), 0,
                "This chart could not be drawn; check that its values are ordinary numbers of similar size.");
    }

    /** Whether the document {@code xhtml} has the placeholder of this chart (its data then travels with it). */
    public static boolean shows(String xhtml, ChartData chart) {
        return xhtml.contains("data-chart=\"" + escape(chart.key()) + "\"");
    }

    /** The chart built for the block with this key, or null when there is none (it had errors). */
    JFreeChart compiledChart(String key) {
        return key == null ? null : charts.get(key);
    }

    /**
     * The chart of the block with this key as one inline {@code <svg>} element for a web page: the
     * same JFreeChart model as in the PDF, drawn by JFreeSVG at {@code width} × {@code height} CSS
     * pixels, its labels kept as {@code <text>} in the chart font. The element is an image for
     * assistive technology ({@code role="img"}, {@code aria-label} and a {@code <title>}).
     *
     * @param id  a page-unique id; the drawing's own ids (clip paths) are prefixed with it
     * @return the SVG markup, or null when there is no chart for the key (its block had errors)
     */
    public String svg(String key, double width, double height, String id, String label) {
        JFreeChart chart = compiledChart(key);
        if (chart == null) {
            return null;
        }
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        synchronized (chart) {
            chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        }
        // JFreeSVG declares a namespace of its own that nothing in the drawing uses; HTML does not allow it.
        String svg = g2.getSVGElement(id, false, new org.jfree.svg.ViewBox(0, 0, width, height),
                org.jfree.svg.PreserveAspectRatio.XMID_YMID, org.jfree.svg.MeetOrSlice.MEET)
                .replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        return svg.substring(0, open - 1) + " role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<title>" + escape(label) + "</title>" + svg.substring(open);
    }

    private static String objectXhtml(String key, ChartSpec spec, String alt) {
        String size = "width:" + plain(spec.width() * 100) + "%;height:" + plain(spec.heightMm()) + "mm";
        return "<object type=\"" + OBJECT_TYPE + "\" data-chart=\"" + escape(key) + "\" style=\"" + size
                + "\" alt=\"" + escape(alt) + "\"></object>";
    }

    /** 60.0 → "60", 33.3333 → "33.33": CSS wants no exponent and no needless digits. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** The text an XML parser reads back from {@link #escape}'s output: what the PDF's /Alt holds. */
    static String attributeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** For a double-quoted XML attribute; line breaks become spaces, other controls are dropped. */
    static String escape(String text) {
        return org.digestpress.xml.XmlText.attribute(attributeText(text));
    }
}

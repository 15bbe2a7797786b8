package org.digestpress.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.digestpress.typography.Typographer;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PieLabelLinkStyle;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * Turns a {@link ChartSpec} into a JFreeChart model styled for print: flat fills, white ground,
 * one light grid direction, text in the publication's face. Charts are built from plots and
 * renderers directly instead of through ChartFactory, because ChartFactory applies a global
 * theme (Tahoma/Helvetica, gradients, tooltips) that would all have to be undone again.
 */
final class ChartModelBuilder {

    /** 12 CSS px = 9 pt: the chart is drawn 1:1 in CSS px, so this matches the 9–10 pt captions. */
    private static final float TEXT_PX = 12f;
    private static final float VALUE_LABEL_PX = 11.5f;
    private static final Color GRID = new Color(0xDADADA);
    private static final Color AXIS = new Color(0xA6A6A6);

    private final ChartStyle style;
    private final ChartLabels labels;
    private final Font font;
    private final Font valueFont;

    private final Typographer typographer;

    ChartModelBuilder(ChartStyle style, ChartLabels labels) {
        this(style, labels, Typographer.forLanguage(labels.language()));
    }

    /**
     * @param typographer the rules of the chart's language: labels, legends and the unit get the
     *                    same no-break spaces, quotes and dashes as the text, so a label wraps
     *                    only where a person would («Москва и / Московская область» never)
     */
    ChartModelBuilder(ChartStyle style, ChartLabels labels, Typographer typographer) {
        this.style = style;
        this.labels = labels;
        this.typographer = typographer;
        this.font = new Font(style.fontFamily(), Font.PLAIN, 12).deriveFont(TEXT_PX);
        this.valueFont = font.deriveFont(VALUE_LABEL_PX);
    }

    /** The face all chart text is set in; also what {@link GlyphSubstitutes} fits numbers to. */
    Font font() {
        return font;
    }

    JFreeChart build(ChartSpec spec) {
        Plot plot = spec.kind().isCircular() ? circularPlot(spec) : categoryPlot(spec);
        boolean legend = !spec.kind().isCircular() && spec.series().size() > 1;
        // No title: the figure caption «Рис. N. Title» is HTML, set with the text.
        JFreeChart chart = new JFreeChart(null, font, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(2, 0, 2, 0));
        if (spec.unit() != null && unitAboveChart(spec)) {
            // Horizontal, above the value axis, as newspapers set it: a rotated axis label reads
            // badly and costs a column of width.
            chart.addSubtitle(new TextTitle(drawable(spec.unit()), font, style.quietTextColor(), RectangleEdge.TOP,
                    HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM, new RectangleInsets(0, 0, 6, 0)));
        }
        if (legend) {
            LegendTitle legendTitle = chart.getLegend();
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setItemFont(font);
            legendTitle.setItemPaint(style.textColor());
            legendTitle.setMargin(new RectangleInsets(8, 0, 0, 0));
            legendTitle.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        return chart;
    }

    private Plot categoryPlot(ChartSpec spec) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartSpec.Series series : spec.series()) {
            for (int i = 0; i < spec.categories().size(); i++) {
                dataset.addValue(series.values().get(i), drawable(series.name()), drawable(spec.categories().get(i)));
            }
        }
        ChartKind kind = spec.kind();
        boolean bars = kind == ChartKind.BAR || kind == ChartKind.HBAR || kind == ChartKind.STACKED_BAR;

        CategoryAxis categoryAxis = new WrappingCategoryAxis();
        categoryAxis.setTickLabelFont(font);
        categoryAxis.setTickLabelPaint(style.textColor());
        categoryAxis.setAxisLinePaint(AXIS);
        categoryAxis.setTickMarksVisible(false);
        categoryAxis.setMaximumCategoryLabelLines(3);
        if (bars && kind != ChartKind.HBAR) {
            // JFreeChart wraps a label to the width of its bar group alone; let it use most of the
            // gap between groups too, or "Центральный" breaks mid-word under a narrow bar.
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.replaceBottomPosition(
                    CategoryLabelPositions.STANDARD, new CategoryLabelPosition(RectangleAnchor.TOP,
                            TextBlockAnchor.TOP_CENTER, CategoryLabelWidthType.CATEGORY, 1.5f)));
        }
        categoryAxis.setLowerMargin(bars ? 0.03 : 0.02);
        categoryAxis.setUpperMargin(bars ? 0.03 : 0.02);
        categoryAxis.setCategoryMargin(bars ? 0.35 : 0);

        // Only horizontal bars keep the unit as an axis label: their value axis is horizontal.
        NumberAxis valueAxis = new NumberAxis(spec.unit() == null || unitAboveChart(spec) ? null : drawable(spec.unit()));
        valueAxis.setLabelFont(font);
        valueAxis.setLabelPaint(style.quietTextColor());
        valueAxis.setTickLabelFont(font);
        valueAxis.setTickLabelPaint(style.quietTextColor());
        valueAxis.setAxisLineVisible(false);
        valueAxis.setTickMarksVisible(false);
        valueAxis.setMinorTickMarksVisible(false);
        ChartNumberFormat tickFormat = ChartNumberFormat.numbers(labels, 0, Math.max(2, spec.fractionDigits()));
        if (largestMagnitude(spec) * 1.15 >= 10_000) {
            // Tick labels are a column: once some have five digits, four-digit ones are grouped too.
            tickFormat = tickFormat.groupingFromThousands();
        }
        valueAxis.setNumberFormatOverride(tickFormat.drawnWith(font));
        // Generous insets along the axis make JFreeChart pick a coarser tick unit: about one
        // gridline per 30 px or more, whatever size the chart is finally drawn at, not one per label.
        valueAxis.setTickLabelInsets(kind == ChartKind.HBAR
                ? new RectangleInsets(4, 10, 0, 10)
                : new RectangleInsets(8, 0, 8, 6));
        valueAxis.setAutoRangeIncludesZero(kind != ChartKind.LINE);
        valueAxis.setUpperMargin(spec.valueLabels() ? 0.12 : 0.05);
        valueAxis.setLowerMargin(kind == ChartKind.LINE ? 0.08 : 0.05);
        if (allWholeNumbers(spec)) {
            valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (kind != ChartKind.HBAR) {
            // The height is known (millimetres), so the scale can be fixed now, gridline to gridline.
            // Horizontal bars keep JFreeChart's automatic ticks: their width is a share of a text
            // width this stage does not know.
            NiceScale scale = scale(spec);
            valueAxis.setRange(scale.lower(), scale.upper());
            valueAxis.setTickUnit(new NumberTickUnit(scale.step()), false, true);
        }

        AbstractCategoryItemRenderer renderer = renderer(spec);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(kind == ChartKind.HBAR ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.75f));
        plot.setRangeMinorGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(hasNegative(spec));
        plot.setRangeZeroBaselinePaint(AXIS);
        plot.setRangeZeroBaselineStroke(new BasicStroke(0.75f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        // Horizontal bars end in a tick label centred on the plot's right edge: leave it room.
        plot.setInsets(new RectangleInsets(4, 0, 0, kind == ChartKind.HBAR ? 24 : 8));
        return plot;
    }

    private AbstractCategoryItemRenderer renderer(ChartSpec spec) {
        ChartKind kind = spec.kind();
        AbstractCategoryItemRenderer renderer;
        switch (kind) {
            case BAR, HBAR, STACKED_BAR -> {
                BarRenderer bar = kind == ChartKind.STACKED_BAR ? new StackedBarRenderer() : new BarRenderer();
                bar.setBarPainter(new StandardBarPainter());
                bar.setShadowVisible(false);
                bar.setDrawBarOutline(false);
                bar.setItemMargin(0.06);
                // Without a cap three categories get slabs as wide as the page.
                bar.setMaximumBarWidth(spec.series().size() == 1 || kind == ChartKind.STACKED_BAR ? 0.11 : 0.07);
                bar.setItemLabelAnchorOffset(3);
                renderer = bar;
            }
            case LINE -> {
                LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
                for (int s = 0; s < spec.series().size(); s++) {
                    line.setSeriesStroke(s, new BasicStroke(2.25f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    line.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
                }
                line.setItemLabelAnchorOffset(5);
                renderer = line;
            }
            case AREA -> {
                // Several series stack: overlapping opaque areas would hide the ones behind.
                SeamlessAreaRenderer area = new SeamlessAreaRenderer();
                area.setItemLabelAnchorOffset(4);
                renderer = area;
            }
            default -> throw new IllegalArgumentException("not a category chart: " + kind);
        }
        for (int s = 0; s < spec.series().size(); s++) {
            renderer.setSeriesPaint(s, style.seriesColor(s));
        }
        renderer.setDefaultLegendShape(new Rectangle(-5, -5, 10, 10));
        renderer.setDefaultLegendTextFont(font);
        renderer.setDefaultLegendTextPaint(style.textColor());
        if (spec.valueLabels()) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                    ChartNumberFormat.numbers(labels, spec.fractionDigits(), spec.fractionDigits()).drawnWith(font)));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(valueFont);
            renderer.setDefaultItemLabelPaint(style.textColor());
            if (kind == ChartKind.STACKED_BAR) {
                ItemLabelPosition inside = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
                renderer.setDefaultPositiveItemLabelPosition(inside);
                renderer.setDefaultNegativeItemLabelPosition(inside);
                for (int s = 0; s < spec.series().size(); s++) {
                    // Dark text on light segments, white on dark ones: readable without a halo.
                    boolean light = ChartStyle.luminance(style.seriesColor(s)) > 0.4;
                    renderer.setSeriesItemLabelPaint(s, light ? style.textColor() : Color.WHITE);
                }
            } else if (kind == ChartKind.HBAR) {
                renderer.setDefaultPositiveItemLabelPosition(
                        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
                renderer.setDefaultNegativeItemLabelPosition(
                        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
            } else {
                renderer.setDefaultPositiveItemLabelPosition(
                        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
                renderer.setDefaultNegativeItemLabelPosition(
                        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
            }
        }
        return renderer;
    }

    @SuppressWarnings("unchecked")
    private Plot circularPlot(ChartSpec spec) {
        DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
        ChartSpec.Series series = spec.series().get(0);
        for (int i = 0; i < spec.categories().size(); i++) {
            dataset.setValue(drawable(spec.categories().get(i)), series.values().get(i));
        }
        PiePlot<String> plot;
        if (spec.kind() == ChartKind.DONUT) {
            // RingPlot extends the raw PiePlot in JFreeChart 1.5, hence the unchecked assignment.
            RingPlot ring = new RingPlot(dataset);
            ring.setSectionDepth(0.42);
            ring.setSeparatorsVisible(false);
            plot = ring;
        } else {
            plot = new PiePlot<>(dataset);
        }
        for (int i = 0; i < spec.categories().size(); i++) {
            plot.setSectionPaint(drawable(spec.categories().get(i)), style.seriesColor(i));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setSectionOutlinesVisible(true);
        plot.setDefaultSectionOutlinePaint(Color.WHITE);
        plot.setDefaultSectionOutlineStroke(new BasicStroke(1.5f));
        plot.setIgnoreZeroValues(true);
        plot.setInteriorGap(0.03);
        // Labels of slices near the top or bottom sit above or below the circle: keep them inside
        // the drawing, which is clipped to its box.
        plot.setInsets(new RectangleInsets(12, 4, 12, 4));
        plot.setLabelGap(0.02);
        plot.setMaximumLabelWidth(0.24);
        plot.setLabelFont(font);
        plot.setLabelPaint(style.textColor());
        plot.setLabelBackgroundPaint(null);
        plot.setLabelOutlinePaint(null);
        plot.setLabelShadowPaint(null);
        plot.setLabelPadding(new RectangleInsets(1, 2, 1, 2));
        plot.setLabelLinkStyle(PieLabelLinkStyle.STANDARD);
        plot.setLabelLinkPaint(AXIS);
        plot.setLabelLinkStroke(new BasicStroke(0.75f));
        // Outside labels with link lines go through JFreeChart's label distributor, which moves
        // labels apart vertically instead of letting them overlap as simple labels do.
        plot.setSimpleLabels(false);
        // Name and share always: a pie without its numbers makes the reader guess angles.
        String format = spec.valueLabels() ? "{0}\n{1} · {2}" : "{0}\n{2}";
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator(format,
                ChartNumberFormat.numbers(labels, spec.fractionDigits(), spec.fractionDigits()).drawnWith(font),
                ChartNumberFormat.percent(labels).drawnWith(font)));
        plot.setToolTipGenerator(null);
        plot.setURLGenerator(null);
        return plot;
    }

    /**
     * A label as drawn: typeset first (JFreeChart wraps with the JDK's line breaker, which keeps
     * words joined by a no-break space together), then fitted to the glyphs the font has.
     */
    private String drawable(String label) {
        return GlyphSubstitutes.fit(typographer.text(label), font);
    }

    private NiceScale scale(ChartSpec spec) {
        boolean stacked = spec.kind() == ChartKind.STACKED_BAR || spec.kind() == ChartKind.AREA;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < spec.categories().size(); c++) {
            double sum = 0;
            for (ChartSpec.Series s : spec.series()) {
                Double v = s.values().get(c);
                if (v == null) {
                    continue;
                }
                sum += v;
                min = Math.min(min, stacked ? sum : v);
                max = Math.max(max, stacked ? sum : v);
            }
        }
        if (spec.kind() != ChartKind.LINE) {
            // Bars and areas are read by their length: the axis must start at zero.
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        double plotPx = spec.heightMm() * 96 / 25.4 - 30
                - (spec.series().size() > 1 ? 30 : 0) - (spec.unit() != null ? 22 : 0);
        int intervals = (int) Math.max(3, Math.min(8, Math.floor(plotPx / 38)));
        boolean labelsAbove = spec.valueLabels() && spec.kind() != ChartKind.STACKED_BAR;
        // Room above the highest value for its label (about 20 px), so it never sits on a gridline.
        double headroom = labelsAbove ? 20 / plotPx : 0;
        NiceScale scale = NiceScale.of(min, max, intervals, allWholeNumbers(spec), headroom);
        if (spec.kind() == ChartKind.LINE && scale.lower() == min && min != 0) {
            // A line touching the bottom of the plot reads as a floor in the data.
            scale = NiceScale.of(min - scale.step() / 2, max, intervals, allWholeNumbers(spec), headroom);
        }
        return scale;
    }

    /** Every chart but horizontal bars; pies only when they print values the unit applies to. */
    private static boolean unitAboveChart(ChartSpec spec) {
        return spec.kind() != ChartKind.HBAR && (!spec.kind().isCircular() || spec.valueLabels());
    }

    /** The largest absolute value the value axis must reach; stacked kinds add up per category. */
    private static double largestMagnitude(ChartSpec spec) {
        boolean stacked = spec.kind() == ChartKind.STACKED_BAR || spec.kind() == ChartKind.AREA;
        double largest = 0;
        for (int c = 0; c < spec.categories().size(); c++) {
            double sum = 0;
            for (ChartSpec.Series s : spec.series()) {
                Double v = s.values().get(c);
                double magnitude = v == null ? 0 : Math.abs(v);
                sum = stacked ? sum + magnitude : Math.max(sum, magnitude);
            }
            largest = Math.max(largest, sum);
        }
        return largest;
    }

    private static boolean allWholeNumbers(ChartSpec spec) {
        return spec.series().stream().flatMap(s -> s.values().stream())
                .allMatch(v -> v == null || v == Math.rint(v));
    }

    private static boolean hasNegative(ChartSpec spec) {
        return spec.series().stream().flatMap(s -> s.values().stream()).anyMatch(v -> v != null && v < 0);
    }
}

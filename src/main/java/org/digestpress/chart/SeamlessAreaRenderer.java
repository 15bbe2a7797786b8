package org.digestpress.chart;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedAreaRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Stacked areas, each series filled as one polygon. JFreeChart's area renderers fill one
 * trapezoid per category step; PDF viewers anti-alias every fill on its own, so the joins show as
 * pale hairlines across the area. One fill per series has no joins. A single series is simply an
 * area from zero. Empty cells count as zero, since an area cannot have a hole in its outline.
 * Negative values are not stacked separately (unlike JFreeChart's renderer): area charts show
 * quantities that add up.
 */
final class SeamlessAreaRenderer extends StackedAreaRenderer {

    private static final long serialVersionUID = 1L;

    @Override
    public int getPassCount() {
        return 1;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row,
                         int column, int pass) {
        int columns = dataset.getColumnCount();
        // JFreeChart calls once per cell; the whole series is drawn at its last cell.
        if (column != columns - 1 || !isSeriesVisible(row)) {
            return;
        }
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        RectangleEdge rangeEdge = plot.getRangeAxisEdge();
        double[] x = new double[columns];
        double[] bottom = new double[columns];
        double[] top = new double[columns];
        double[] value = new double[columns];
        for (int c = 0; c < columns; c++) {
            double base = 0;
            for (int r = 0; r < row; r++) {
                base += valueOf(dataset, r, c);
            }
            value[c] = valueOf(dataset, row, c);
            x[c] = domainAxis.getCategoryMiddle(c, columns, dataArea, domainEdge);
            bottom[c] = rangeAxis.valueToJava2D(base, dataArea, rangeEdge);
            top[c] = rangeAxis.valueToJava2D(base + value[c], dataArea, rangeEdge);
        }
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        Path2D.Double outline = new Path2D.Double();
        for (int c = 0; c < columns; c++) {
            lineOrMove(outline, vertical, x[c], top[c], c == 0);
        }
        for (int c = columns - 1; c >= 0; c--) {
            lineOrMove(outline, vertical, x[c], bottom[c], false);
        }
        outline.closePath();
        g2.setPaint(getItemPaint(row, 0));
        g2.fill(outline);
        for (int c = 0; c < columns; c++) {
            if (isItemLabelVisible(row, c) && dataset.getValue(row, c) != null) {
                drawItemLabel(g2, plot.getOrientation(), dataset, row, c,
                        vertical ? x[c] : top[c], vertical ? top[c] : x[c], value[c] < 0);
            }
        }
    }

    private static void lineOrMove(Path2D path, boolean vertical, double x, double y, boolean first) {
        double px = vertical ? x : y;
        double py = vertical ? y : x;
        if (first) {
            path.moveTo(px, py);
        } else {
            path.lineTo(px, py);
        }
    }

    private static double valueOf(CategoryDataset dataset, int row, int column) {
        Number n = dataset.getValue(row, column);
        return n == null ? 0 : n.doubleValue();
    }
}

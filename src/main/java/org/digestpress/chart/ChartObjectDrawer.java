package org.digestpress.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;

/**
 * Draws the compiled chart behind an {@code <object type="application/x-digestpress-chart">}
 * through openhtmltopdf's Graphics2D bridge, so the chart stays vector and its labels stay text
 * in the embedded font. Wire it with
 * {@code builder.useObjectDrawerFactory(ChartObjectDrawer.objectDrawerFactory(compiler))}.
 */
public final class ChartObjectDrawer implements FSObjectDrawer {

    private final ChartCompiler compiler;
    private volatile boolean fontChecked;

    public ChartObjectDrawer(ChartCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * A factory that answers to {@link ChartCompiler#OBJECT_TYPE} with a drawer for the charts of
     * {@code compiler}. It is a {@link DefaultObjectDrawerFactory}, so the PDF stage can register
     * drawers for other object types on it as well.
     */
    public static DefaultObjectDrawerFactory objectDrawerFactory(ChartCompiler compiler) {
        DefaultObjectDrawerFactory factory = new DefaultObjectDrawerFactory();
        factory.registerDrawer(ChartCompiler.OBJECT_TYPE, new ChartObjectDrawer(compiler));
        return factory;
    }

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                         OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
        JFreeChart chart = compiler.compiledChart(e.getAttribute("data-chart"));
        if (chart == null) {
            // The block had errors, already reported; leave the reserved space empty.
            return null;
        }
        requireFontKnownToAwt();
        // The box arrives in dots; the Graphics2D works in CSS pixels (openhtmltopdf scales the
        // form by 72/96 to points), so the chart is laid out at its true printed size.
        float w = (float) (width / dotsPerPixel);
        float h = (float) (height / dotsPerPixel);
        synchronized (chart) {
            try {
                outputDevice.drawWithGraphics((float) x, (float) y, w, h,
                        g2d -> chart.draw(g2d, new Rectangle2D.Float(0, 0, w, h)));
            } catch (RuntimeException failure) {
                compiler.drawingFailed(e.getAttribute("data-chart"), failure);
            }
        }
        return null;
    }

    /**
     * openhtmltopdf maps an AWT font to a PDF font by {@link Font#getFamily()}. An AWT font the
     * JVM does not know reports family "Dialog", the builder has no such family, and every label
     * silently becomes outlines: no longer text, not searchable. Fail loudly instead.
     */
    private void requireFontKnownToAwt() {
        if (fontChecked) {
            return;
        }
        String family = compiler.style().fontFamily();
        if (!new Font(family, Font.PLAIN, 12).getFamily().equals(family)) {
            throw new IllegalStateException("Chart font family '" + family + "' is not known to AWT: register its "
                    + "TTF files with GraphicsEnvironment.registerFont and with the PDF builder's useFont under the "
                    + "same family name before rendering.");
        }
        fontChecked = true;
    }
}

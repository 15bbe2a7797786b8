package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.digestpress.HostileText;
import org.digestpress.markdown.ChartBlock;
import org.digestpress.markdown.ChartBlockHandler;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.jfree.chart.JFreeChart;

/**
 * Whatever a chart block holds, reading it ends in a chart that draws, or in problems at lines of
 * the block: a value that passes the checks must never make JFreeChart fail while drawing, which
 * would only show up in the middle of rendering the PDF.
 */
class ChartBlockPropertiesTest {

    private final ChartCompiler compiler = new ChartCompiler(ChartBlocks.STYLE);
    private final BufferedImage canvas = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    private int count;

    @Provide
    Arbitrary<String> blocks() {
        return HostileText.chartYaml();
    }

    @Property(tries = 800)
    void anyBlockDrawsOrReportsLinesInTheBlock(@ForAll("blocks") String yaml) {
        Problems problems = new Problems();
        String key = "gen-" + (count++);
        ChartBlock block = ChartBlocks.block(key, count % 2 == 0 ? "ru" : "en", yaml);
        ChartBlockHandler.ChartFigure figure = compiler.render(block, problems);
        for (Problem problem : problems.all()) {
            assertNotNull(problem.file(), problem.toString());
            assertTrue(problem.line() >= ChartBlocks.FIRST_LINE, "a line of the block: " + problem);
        }
        if (figure == null) {
            assertTrue(problems.hasErrors(), "a refused block says why");
            return;
        }
        JFreeChart chart = compiler.compiledChart(key);
        Graphics2D g = canvas.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, 400, 300));
        } finally {
            g.dispose();
        }
        assertEquals(false, problems.hasErrors(), problems.all().toString());
    }
}

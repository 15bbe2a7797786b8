package org.digestpress.markdown;

import org.digestpress.problem.Problems;

/**
 * Turns a {@code ```chart} block into the body of a figure. The markdown stage numbers figures and
 * resolves {@code @fig:} references, but knows nothing of charts: the chart stage plugs in here, so
 * dependencies still point one way (chart depends on markdown, never the reverse).
 */
public interface ChartBlockHandler {

    /**
     * @return the figure, or {@code null} when the block is broken; problems then name the file
     *         and the line inside the block
     */
    ChartFigure render(ChartBlock block, Problems problems);

    /**
     * What the markdown stage needs to place a chart as a numbered figure.
     *
     * @param id         the {@code id} from the block, for {@code @fig:id} references; may be null
     * @param title      the chart title, printed after «Рис. N.»
     * @param caption    optional caption under the chart, Markdown-free plain text; may be null
     * @param source     optional source line; may be null
     * @param objectXhtml the well-formed XHTML of the drawing itself, e.g.
     *                   {@code <object type="application/x-digestpress-chart" data-chart="KEY" ...>}
     */
    record ChartFigure(String id, String title, String caption, String source, String objectXhtml) {
    }
}

package org.digestpress.chart;

import java.util.List;

/**
 * A chart block after validation: everything the drawing and the alt text need, numbers parsed.
 *
 * @param id             for {@code @fig:id} references; may be null
 * @param unit           value-axis label; may be null
 * @param valueLabels    print each value on its bar, point or slice
 * @param alt            the author's alt text; null to generate one
 * @param width          fraction of the text width, 0.3–1
 * @param heightMm       drawing height in millimetres
 * @param categories     the x column, in row order
 * @param series         one per {@code y} column, values aligned with {@code categories}
 * @param fractionDigits most decimals any value was written with, so labels keep the author's precision
 */
record ChartSpec(String id, ChartKind kind, String title, String unit, boolean valueLabels,
                 String caption, String source, String alt, double width, double heightMm,
                 List<String> categories, List<Series> series, int fractionDigits) {

    /** @param values aligned with the categories; {@code null} where the cell was empty */
    record Series(String name, List<Double> values) {
    }
}

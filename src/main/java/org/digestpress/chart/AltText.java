package org.digestpress.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alternative text a chart gets when the author wrote none: the chart's kind, its title and
 * every value, in the article's language. A screen-reader user then has the data itself, which
 * is what the drawing was for.
 */
final class AltText {

    private AltText() {
    }

    static String describe(ChartSpec spec, ChartLabels labels) {
        ChartNumberFormat number = ChartNumberFormat.numbers(labels, spec.fractionDigits(), spec.fractionDigits());
        ChartNumberFormat percent = ChartNumberFormat.percent(labels);
        String data;
        if (spec.series().size() == 1) {
            data = String.join(labels.get("alt.separator.single"), items(spec, spec.series().get(0), labels, number, percent));
        } else {
            List<String> series = new ArrayList<>();
            for (ChartSpec.Series s : spec.series()) {
                String items = String.join(labels.get("alt.separator.items"), items(spec, s, labels, number, percent));
                series.add(labels.fill("alt.series", Map.of("series", s.name(), "items", items)));
            }
            data = String.join(labels.get("alt.separator.series"), series);
        }
        // Shares given in per cent already carry their unit in every item: «(%)» at the end would
        // only make a screen reader say "per cent" once more.
        String unit = spec.unit() == null || inPercent(spec) ? "" : labels.fill("alt.unit", Map.of("unit", spec.unit()));
        return labels.fill("alt.sentence", Map.of(
                "kind", labels.get("kind." + spec.kind().yamlName()),
                "title", spec.title(),
                "data", data,
                "unit", unit));
    }

    /** A pie or donut whose values are per cents: their shares are the values themselves. */
    private static boolean inPercent(ChartSpec spec) {
        return spec.kind().isCircular() && spec.unit() != null && spec.unit().strip().equals("%");
    }

    private static List<String> items(ChartSpec spec, ChartSpec.Series series, ChartLabels labels,
                                      ChartNumberFormat number, ChartNumberFormat percent) {
        double total = series.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < spec.categories().size(); i++) {
            String category = spec.categories().get(i);
            Double value = series.values().get(i);
            if (value == null) {
                items.add(labels.fill("alt.item.missing", Map.of("category", category)));
            } else if (inPercent(spec)) {
                // The value is the share: «53,6 %», not «53,6 (53,6 %)».
                items.add(labels.fill("alt.item", Map.of("category", category, "value", percent.format(value / 100))));
            } else if (spec.kind().isCircular()) {
                items.add(labels.fill("alt.item.share", Map.of("category", category,
                        "value", number.format(value), "percent", percent.format(value / total))));
            } else {
                items.add(labels.fill("alt.item", Map.of("category", category, "value", number.format(value))));
            }
        }
        return items;
    }
}

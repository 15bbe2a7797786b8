package org.digestpress.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.digestpress.chart.ChartCompiler;

/**
 * Each chart's numbers as a CSV file in {@code images/} beside the page (the folder of the page's
 * files other than fonts), linked under the chart: the same file the
 * PDF carries as an attachment (the CSV the chart read, or its inline rows written as CSV), for a
 * reader who wants the data rather than the picture.
 */
final class ChartFiles {

    private final Map<String, ChartCompiler.ChartData> byKey = new TreeMap<>();
    /** Name beside the page → bytes. */
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> names = new TreeMap<>();

    private final PageFiles page;

    /** @param page the page's other files, whose names these never take */
    ChartFiles(ChartCompiler charts, PageFiles page) {
        charts.data().forEach(d -> byKey.put(d.key(), d));
        this.page = page;
    }

    /** The file's name beside the page for the chart with this key, or null when it has no data. */
    String csv(String key) {
        ChartCompiler.ChartData data = byKey.get(key);
        if (data == null) {
            return null;
        }
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        String base = data.fileName().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        if (!base.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            base = base + ".csv";
        }
        String name = page.reserve(base);
        files.put(name, data.csv());
        names.put(key, name);
        return name;
    }

    /** Name beside the page → bytes, sorted. */
    Map<String, byte[]> all() {
        return new TreeMap<>(files);
    }
}

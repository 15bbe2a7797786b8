package org.digestpress.chart;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The chart types an author may write in {@code type:}, with what differs between them. */
enum ChartKind {
    BAR("bar", 70),
    HBAR("hbar", 70),
    STACKED_BAR("stacked-bar", 70),
    LINE("line", 70),
    AREA("area", 70),
    PIE("pie", 80),
    DONUT("donut", 80);

    private final String yamlName;
    private final double defaultHeightMm;

    ChartKind(String yamlName, double defaultHeightMm) {
        this.yamlName = yamlName;
        this.defaultHeightMm = defaultHeightMm;
    }

    String yamlName() {
        return yamlName;
    }

    double defaultHeightMm() {
        return defaultHeightMm;
    }

    /** Pie and donut show shares of one whole: one series, no negative values, no axes. */
    boolean isCircular() {
        return this == PIE || this == DONUT;
    }

    static Optional<ChartKind> byYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    static String validNames() {
        return Arrays.stream(values()).map(ChartKind::yamlName).collect(Collectors.joining(", "));
    }
}

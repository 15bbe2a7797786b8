package org.digestpress.pdf;

import java.time.ZonedDateTime;
import java.util.List;

import org.digestpress.chart.ChartCompiler.ChartData;

/**
 * What a PDF says about itself. {@code created} is derived from the content (the issue date),
 * never from the clock, so two builds of the same input are byte-for-byte identical.
 *
 * @param charts the data of the document's charts, embedded as PDF/A-3 associated files
 */
public record DocumentInfo(String language, ZonedDateTime created, List<ChartData> charts) {

    public DocumentInfo {
        charts = List.copyOf(charts);
    }

    /** A document without charts. */
    public DocumentInfo(String language, ZonedDateTime created) {
        this(language, created, List.of());
    }
}

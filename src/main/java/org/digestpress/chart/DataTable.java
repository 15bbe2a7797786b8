package org.digestpress.chart;

import java.nio.file.Path;
import java.util.List;

/**
 * Chart data as the author wrote it, every cell still text, every row still knowing where it came
 * from, so a bad cell can be reported at its own line whether it sits in a CSV file or in the
 * block's inline {@code rows}.
 *
 * @param file       the CSV file, or the article for inline rows
 * @param header     column names
 * @param headerLine 1-based line of the header in {@code file}
 * @param rows       data rows, header excluded
 */
record DataTable(Path file, List<String> header, int headerLine, List<Row> rows) {

    /**
     * @param number the row number an editor sees: the header is row 1; in a CSV file the row's
     *               line (as a spreadsheet shows it), in inline {@code rows} its place in the list
     * @param line   1-based line of the row in the table's file
     */
    record Row(int number, int line, List<String> cells) {
    }
}

package org.digestpress.chart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A chart block's inline {@code rows}: read into the same {@link DataTable} a CSV file gives, each
 * row keeping its article line, and written back out as CSV so the PDF can carry the data of an
 * inline chart as it carries a CSV file's.
 */
final class InlineRows {

    private InlineRows() {
    }

    /**
     * @param rowsNode the value of {@code rows}, the first row the header
     * @param article  the article holding the block, the table's file
     * @return the table, or {@code null} when a row or cell is malformed (every one reported)
     */
    static DataTable read(Node rowsNode, Path article, ChartBlockProblems report) {
        if (!(rowsNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            report.error(rowsNode, "'rows' must be a list of rows, the first one the header, such as [Year, Revenue].");
            return null;
        }
        List<List<String>> cells = new ArrayList<>();
        List<Node> rowNodes = sequence.getValue();
        for (int i = 0; i < rowNodes.size(); i++) {
            Node row = rowNodes.get(i);
            if (!(row instanceof SequenceNode rowSequence)) {
                report.error(row, "Row " + (i + 1) + " of 'rows' must be a list, such as [2024, 59].");
                cells.add(List.of());
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Node cell : rowSequence.getValue()) {
                if (cell instanceof ScalarNode scalar) {
                    values.add(Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip());
                } else {
                    report.error(cell, "Row " + (i + 1) + " of 'rows' has a cell that is not a single value.");
                    values.add("");
                }
            }
            cells.add(values);
        }
        if (report.failed()) {
            return null;
        }
        List<DataTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < rowNodes.size(); i++) {
            rows.add(new DataTable.Row(i + 1, report.line(rowNodes.get(i)), List.copyOf(cells.get(i))));
        }
        return new DataTable(article, List.copyOf(cells.get(0)), report.line(rowNodes.get(0)), List.copyOf(rows));
    }

    /** Inline rows as RFC 4180 CSV (CRLF line ends, quoted where needed): the x column, then the y columns. */
    static byte[] csv(DataTable table, int xColumn, List<Integer> yColumns) {
        List<Integer> columns = new ArrayList<>();
        columns.add(xColumn);
        columns.addAll(yColumns);
        StringBuilder out = new StringBuilder();
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header());
        table.rows().forEach(row -> lines.add(row.cells()));
        for (List<String> cells : lines) {
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells.get(columns.get(i));
                boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                        || cell.contains("\r") || !cell.equals(cell.strip());
                out.append(i == 0 ? "" : ",")
                        .append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

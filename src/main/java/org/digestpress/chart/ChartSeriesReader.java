package org.digestpress.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.content.Limits;
import org.digestpress.markdown.ChartBlock;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a chart's categories and series out of its data table: checks the header against the
 * block's {@code x} and {@code y}, then every cell, reporting each bad one at its own row so that
 * an editor fixes a table in one pass whether it came from a CSV file or from inline rows.
 */
final class ChartSeriesReader {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+)(?:\\.(\\d+))?(?:[eE][-+]?\\d+)?");

    /**
     * @param xColumn        the index of the x column in the table
     * @param yColumns       the indexes of the y columns, in the order {@code y} lists them
     * @param categories     the x column, in row order
     * @param series         one per y column
     * @param fractionDigits most decimals any value was written with, at most 3
     */
    record TableValues(int xColumn, List<Integer> yColumns, List<String> categories, List<ChartSpec.Series> series,
                       int fractionDigits) {
    }

    private final ChartBlock block;
    private final ChartBlockProblems report;

    ChartSeriesReader(ChartBlock block, ChartBlockProblems report) {
        this.block = block;
        this.report = report;
    }

    /**
     * @param kind    the chart's kind; {@code null} when it was wrong (the table is still checked)
     * @param dataKey the {@code data:} or {@code rows:} key, where whole-table problems are reported
     * @return the values, or {@code null} when the table has errors (all of them reported)
     */
    TableValues read(ChartKind kind, DataTable table, Node dataKey, Node xNode, List<ScalarNode> yNodes) {
        List<String> header = table.header();
        if (table.rows().size() > Limits.MAX_CHART_ROWS) {
            report.error(dataKey, "The chart data has " + table.rows().size() + " rows; a chart can show up to "
                    + Limits.MAX_CHART_ROWS + ". Sum or sample the data first.");
            return null;
        }
        if (yNodes.size() > Limits.MAX_CHART_SERIES) {
            report.error(yNodes.get(Limits.MAX_CHART_SERIES), "'y' lists " + yNodes.size()
                    + " columns; a chart can show up to " + Limits.MAX_CHART_SERIES + " series.");
            return null;
        }
        Map<String, Integer> columnIndex = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                report.error(table.file(), table.headerLine(), "Column " + (i + 1) + " of the header has no name.");
            } else if (columnIndex.putIfAbsent(name, i) != null) {
                report.error(table.file(), table.headerLine(), "The header names column '" + name + "' twice.");
            }
        }
        if (table.rows().isEmpty()) {
            report.error(dataKey, (table.file().equals(block.file()) ? "'rows'"
                    : "CSV file '" + table.file().getFileName() + "'") + " has a header but no data rows.");
        }
        for (DataTable.Row row : table.rows()) {
            if (row.cells().size() != header.size()) {
                report.error(table.file(), row.line(), "Row " + row.number() + " has " + cells(row.cells().size())
                        + ", but the header has " + header.size() + ".");
            }
        }
        String available = String.join(", ", header);
        String xName = ((ScalarNode) xNode).getValue().strip();
        Integer xColumn = columnIndex.get(xName);
        if (xColumn == null) {
            report.error(xNode, "Column '" + xName + "' (x) not found; available columns: " + available + ".");
        }
        List<Integer> yColumns = new ArrayList<>();
        for (ScalarNode yNode : yNodes) {
            String name = yNode.getValue().strip();
            Integer column = columnIndex.get(name);
            if (column == null) {
                report.error(yNode, "Column '" + name + "' (y) not found; available columns: " + available + ".");
            } else if (column.equals(xColumn)) {
                report.error(yNode, "Column '" + name + "' is already the x column; y needs value columns.");
            } else if (yColumns.contains(column)) {
                report.error(yNode, "Column '" + name + "' is listed twice in 'y'.");
            } else {
                yColumns.add(column);
            }
        }
        if (kind != null && kind.isCircular() && yNodes.size() > 1) {
            report.error(yNodes.get(1), "A " + kind.yamlName() + " chart shows one series, but 'y' lists "
                    + yNodes.size() + " columns.");
        }
        if (report.failed() || kind == null) {
            return null;
        }
        return values(kind, table, dataKey, xColumn, xName, yColumns);
    }

    /** The cells once the columns are known to be right: every x a distinct category, every y a number. */
    private TableValues values(ChartKind kind, DataTable table, Node dataKey, int xColumn, String xName,
                               List<Integer> yColumns) {
        List<String> header = table.header();
        List<String> categories = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<List<Double>> values = new ArrayList<>();
        yColumns.forEach(c -> values.add(new ArrayList<>()));
        int fractionDigits = 0;
        boolean anyValue = false;
        for (DataTable.Row row : table.rows()) {
            String category = row.cells().get(xColumn);
            if (category.isEmpty()) {
                report.error(table.file(), row.line(), "Row " + row.number() + " has no value in the x column '"
                        + xName + "'.");
            } else if (firstRowOf.putIfAbsent(category, row.number()) != null) {
                report.error(table.file(), row.line(), "Row " + row.number() + " repeats the category '" + category
                        + "' of row " + firstRowOf.get(category) + ".");
            }
            categories.add(category);
            for (int s = 0; s < yColumns.size(); s++) {
                String column = header.get(yColumns.get(s));
                String cell = row.cells().get(yColumns.get(s));
                Double value = null;
                if (!cell.isEmpty()) {
                    String normalised = normaliseNumber(cell);
                    Matcher m = NUMBER.matcher(normalised);
                    if (m.matches() && !(Math.abs(Double.parseDouble(normalised)) <= Limits.MAX_CHART_VALUE)) {
                        report.error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': "
                                + cell + " is too large for a chart; values may be up to 10^15 either side of zero.");
                    } else if (m.matches()) {
                        value = Double.parseDouble(normalised);
                        fractionDigits = Math.max(fractionDigits, m.group(2) == null ? 0 : m.group(2).length());
                        anyValue = true;
                    } else {
                        report.error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': '"
                                + cell + "' is not a number.");
                    }
                }
                if (kind.isCircular() && cell.isEmpty()) {
                    report.error(table.file(), row.line(), "Row " + row.number() + ", column '" + column
                            + "' is empty; a " + kind.yamlName() + " chart needs every value.");
                } else if (kind.isCircular() && value != null && value < 0) {
                    report.error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': a "
                            + kind.yamlName() + " chart cannot show the negative value " + cell + ".");
                }
                values.get(s).add(value);
            }
        }
        if (!report.failed() && !anyValue) {
            report.error(dataKey, "The chart data has no values in the y columns.");
        }
        if (!report.failed() && kind.isCircular()
                && values.get(0).stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            report.error(dataKey, "A " + kind.yamlName() + " chart needs values that add up to more than zero.");
        }
        if (report.failed()) {
            return null;
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int s = 0; s < yColumns.size(); s++) {
            series.add(new ChartSpec.Series(header.get(yColumns.get(s)), Collections.unmodifiableList(values.get(s))));
        }
        return new TableValues(xColumn, yColumns, List.copyOf(categories), List.copyOf(series),
                Math.min(fractionDigits, 3));
    }

    /**
     * The cell as a Java number literal. Spaces of any width group thousands and are dropped; the
     * comma is the decimal mark in Russian articles and a thousands separator in English ones, as
     * each language's spreadsheets write it.
     */
    private String normaliseNumber(String cell) {
        String s = cell.strip().replace('\u2212', '-').replaceAll("[\\s\u00A0\u202F\u2009]", "");
        boolean russian = block.language() != null && block.language().toLowerCase(Locale.ROOT).startsWith("ru");
        if (russian) {
            return s.contains(".") ? s : s.replace(',', '.');
        }
        return s.replace(",", "");
    }

    private static String cells(int count) {
        return count == 1 ? "1 cell" : count + " cells";
    }
}

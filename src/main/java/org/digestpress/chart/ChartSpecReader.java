package org.digestpress.chart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.content.Limits;
import org.digestpress.content.XmlCharacters;
import org.digestpress.content.YamlDepth;
import org.digestpress.markdown.ChartBlock;
import org.digestpress.problem.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.digestpress.assets.Confinement;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one chart block into a {@link ChartSpec}, reporting every mistake it can find at the line
 * of the offending key, value or row, so an editor fixes them all in one pass. Works on the YAML
 * node tree rather than on loaded Java objects because only nodes carry line numbers.
 */
final class ChartSpecReader {

    private static final Set<String> KNOWN_KEYS = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(
            "id", "type", "title", "data", "rows", "x", "y", "unit", "labels", "caption", "source", "alt",
            "width", "height")));
    private static final double MIN_WIDTH = 0.3;
    private static final double MIN_HEIGHT_MM = 30;
    private static final double MAX_HEIGHT_MM = 200;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+)(?:\\.(\\d+))?(?:[eE][-+]?\\d+)?");
    private static final Pattern HEIGHT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:mm)?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    /** A scheme ("https:") or a Windows drive ("C:"): either way not a path inside the publication. */
    private static final Pattern SCHEME_OR_DRIVE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final ChartBlock block;
    private final Path root;
    private final Problems problems;
    private boolean failed;
    private byte[] csv;

    /** @param root the folder CSV files must lie in (the publication), links followed */
    ChartSpecReader(ChartBlock block, Path root, Problems problems) {
        this.block = block;
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
    }

    /**
     * The chart's data as CSV once {@link #read()} succeeded, for embedding in the PDF: the CSV
     * file's bytes as they are, or for inline {@code rows} the x and y columns as written.
     */
    byte[] csv() {
        return csv;
    }

    /** The spec, or {@code null} when the block has errors (all of them reported). */
    ChartSpec read() {
        MappingNode root = parse();
        if (root == null) {
            return null;
        }
        Map<String, NodeTuple> entries = entries(root);

        for (String key : List.of("type", "title", "x", "y")) {
            if (!entries.containsKey(key)) {
                errorAtBlock("The chart block has no '" + key + "' key.");
            }
        }
        NodeTuple data = entries.get("data");
        NodeTuple rows = entries.get("rows");
        if (data == null && rows == null) {
            errorAtBlock("The chart block needs 'data' (a CSV file next to the article) or 'rows' (inline data).");
        } else if (data != null && rows != null) {
            error(rows.getKeyNode(), "Give either 'data' or 'rows', not both.");
        }

        ChartKind kind = kind(entries.get("type"));
        String title = text(entries, "title");
        if (title != null && title.isBlank()) {
            error(entries.get("title").getValueNode(), "'title' is empty.");
        }
        String id = text(entries, "id");
        if (id != null && !ID.matcher(id).matches()) {
            error(entries.get("id").getValueNode(),
                    "'id' must be a plain word of letters, digits, '-', '_' or '.', such as revenue-2024.");
        }
        String unit = text(entries, "unit");
        String caption = text(entries, "caption");
        String source = text(entries, "source");
        String alt = text(entries, "alt");
        boolean valueLabels = labels(entries.get("labels"));
        double width = width(entries.get("width"));
        double height = height(entries.get("height"), kind);
        String x = text(entries, "x");
        List<ScalarNode> y = columns(entries.get("y"));

        DataTable table = null;
        Node dataKey = null;
        if (data != null && rows == null) {
            dataKey = data.getKeyNode();
            table = csv(data.getValueNode());
        } else if (rows != null && data == null) {
            dataKey = rows.getKeyNode();
            table = inlineRows(rows.getValueNode());
        }
        if (table == null || x == null || y == null || failed) {
            return null;
        }
        return withData(kind, table, dataKey, entries.get("x").getValueNode(), y, id, title, unit, valueLabels,
                caption, source, alt, width, height);
    }

    private MappingNode parse() {
        LoadSettings settings = LoadSettings.builder().setUseMarks(true).setLabel(block.file().toString()).build();
        Optional<Node> root;
        if (!YamlDepth.check(block.yaml(), block.file(), block.firstLine() - 1, problems)) {
            failed = true;
            return null;
        }
        try {
            root = new Compose(settings).composeString(block.yaml());
        } catch (MarkedYamlEngineException e) {
            // an unclosed quote or a colon in a value, in words at its own line, as in front matter
            var slip = org.digestpress.content.YamlParser.slip(block.yaml(), e, settings);
            if (slip.isPresent()) {
                failed = true;
                problems.error(block.file(), block.firstLine() + slip.get().line() - 1, slip.get().column(),
                        slip.get().sentence());
                return null;
            }
            int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0);
            String why = e.getProblem() != null ? e.getProblem() : e.getContext();
            error(block.firstLine() + line, "The chart block is not valid YAML: " + why + ".");
            return null;
        } catch (YamlEngineException e) {
            errorAtBlock("The chart block is not valid YAML: " + e.getMessage() + ".");
            return null;
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            errorAtBlock("The chart block must be YAML keys and values: type, title, x, y and data or rows.");
            return null;
        }
        checkCharacters(mapping, 0);
        return failed ? null : mapping;
    }

    /** Control characters (from escapes such as "\\u0001") cannot be printed; an alias loop cannot be walked. */
    private void checkCharacters(Node node, int depth) {
        if (depth > Limits.MAX_YAML_DEPTH) {
            error(node, "This list or mapping contains itself through an alias (*name); write the values out.");
            return;
        }
        if (node instanceof ScalarNode scalar) {
            int bad = XmlCharacters.firstInvalid(scalar.getValue());
            if (bad >= 0) {
                error(node, "This value holds the control character " + XmlCharacters.name(scalar.getValue().charAt(bad))
                        + ", which cannot be printed; delete it.");
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> checkCharacters(item, depth + 1));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                checkCharacters(tuple.getKeyNode(), depth + 1);
                checkCharacters(tuple.getValueNode(), depth + 1);
            }
        }
    }

    private Map<String, NodeTuple> entries(MappingNode root) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : root.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                error(tuple.getKeyNode(), "Chart block keys must be plain words such as 'title'.");
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                error(keyNode, "The key '" + key + "' appears twice in the chart block.");
            } else if (!KNOWN_KEYS.contains(key)) {
                warning(keyNode, "Unknown key '" + key + "' in the chart block is ignored; known keys are "
                        + String.join(", ", KNOWN_KEYS) + ".");
            } else {
                entries.put(key, tuple);
            }
        }
        return entries;
    }

    private ChartKind kind(NodeTuple type) {
        if (type == null) {
            return null;
        }
        String name = scalar(type.getValueNode(), "type");
        if (name == null) {
            return null;
        }
        Optional<ChartKind> kind = ChartKind.byYamlName(name.strip());
        if (kind.isEmpty()) {
            error(type.getValueNode(), "Unknown chart type '" + name + "'; use one of " + ChartKind.validNames() + ".");
        }
        return kind.orElse(null);
    }

    private boolean labels(NodeTuple labels) {
        if (labels == null) {
            return false;
        }
        String value = scalar(labels.getValueNode(), "labels");
        if (value == null) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                error(labels.getValueNode(), "'labels' must be true or false, not '" + value + "'.");
                return false;
        }
    }

    private double width(NodeTuple width) {
        if (width == null) {
            return 1;
        }
        String value = scalar(width.getValueNode(), "width");
        if (value == null) {
            return 1;
        }
        try {
            double fraction = Double.parseDouble(value.strip());
            if (fraction >= MIN_WIDTH && fraction <= 1) {
                return fraction;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(width.getValueNode(), "'width' must be a fraction of the text width from 0.3 to 1, such as 0.6, not '"
                + value + "'.");
        return 1;
    }

    private double height(NodeTuple height, ChartKind kind) {
        double fallback = kind == null ? 70 : kind.defaultHeightMm();
        if (height == null) {
            return fallback;
        }
        String value = scalar(height.getValueNode(), "height");
        if (value == null) {
            return fallback;
        }
        Matcher m = HEIGHT.matcher(value.strip());
        if (m.matches()) {
            double mm = Double.parseDouble(m.group(1));
            if (mm >= MIN_HEIGHT_MM && mm <= MAX_HEIGHT_MM) {
                return mm;
            }
        }
        error(height.getValueNode(), "'height' must be millimetres from 30 to 200, such as 70, not '" + value + "'.");
        return fallback;
    }

    /** {@code y}: one column name or a list of them; each node kept for its line. */
    private List<ScalarNode> columns(NodeTuple y) {
        if (y == null) {
            return null;
        }
        Node value = y.getValueNode();
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return List.of(scalar);
        }
        if (value instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            List<ScalarNode> names = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    names.add(scalar);
                } else {
                    error(item, "Each entry of 'y' must be a column name.");
                }
            }
            return failed ? null : names;
        }
        error(value, "'y' must be a column name or a list of column names.");
        return null;
    }

    private DataTable csv(Node dataNode) {
        String ref = scalar(dataNode, "data");
        if (ref == null) {
            return null;
        }
        ref = ref.strip();
        if (ref.isEmpty()) {
            error(dataNode, "'data' is empty; give the CSV file's path relative to the article's folder.");
            return null;
        }
        if (SCHEME_OR_DRIVE.matcher(ref).matches() || ref.startsWith("/") || ref.startsWith("\\")) {
            error(dataNode, "'data' must be a path relative to the article's folder, not an absolute path or URL: '"
                    + ref + "'.");
            return null;
        }
        Path file;
        try {
            Path relative = Path.of(ref);
            if (relative.isAbsolute()) {
                error(dataNode, "'data' must be a path relative to the article's folder, not an absolute path: '"
                        + ref + "'.");
                return null;
            }
            Path folder = block.file().toAbsolutePath().getParent();
            file = folder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            error(dataNode, "'data' is not a usable file path: '" + ref + "'.");
            return null;
        }
        // Checked before the file is even looked at: nothing about a file outside may reach the output.
        if (!file.startsWith(root) || !Confinement.inside(file, root)) {
            error(dataNode, "CSV file '" + ref + "' is outside the publication folder (or a link to a file "
                    + "outside it); a build reads only files inside it.");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            error(dataNode, "CSV file '" + ref + "' not found (looked for " + file + ").");
            return null;
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_TEXT_FILE_BYTES) {
                error(dataNode, "CSV file '" + ref + "' is " + Limits.bytes(size) + " long; a chart reads up to "
                        + Limits.bytes(Limits.MAX_TEXT_FILE_BYTES) + " (and " + Limits.MAX_CHART_ROWS + " rows).");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            csv = bytes;
        } catch (CharacterCodingException e) {
            error(dataNode, "CSV file '" + ref + "' is not UTF-8 text; save it as CSV UTF-8.");
            return null;
        } catch (IOException e) {
            error(dataNode, "CSV file '" + ref + "' cannot be read: " + e.getMessage() + ".");
            return null;
        }
        DataTable table = CsvReader.read(file, text);
        if (table == null) {
            error(dataNode, "CSV file '" + ref + "' is empty.");
        }
        return table;
    }

    private DataTable inlineRows(Node rowsNode) {
        if (!(rowsNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            error(rowsNode, "'rows' must be a list of rows, the first one the header, such as [Year, Revenue].");
            return null;
        }
        List<List<String>> cells = new ArrayList<>();
        List<Node> rowNodes = sequence.getValue();
        for (int i = 0; i < rowNodes.size(); i++) {
            Node row = rowNodes.get(i);
            if (!(row instanceof SequenceNode rowSequence)) {
                error(row, "Row " + (i + 1) + " of 'rows' must be a list, such as [2024, 59].");
                cells.add(List.of());
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Node cell : rowSequence.getValue()) {
                if (cell instanceof ScalarNode scalar) {
                    values.add(Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip());
                } else {
                    error(cell, "Row " + (i + 1) + " of 'rows' has a cell that is not a single value.");
                    values.add("");
                }
            }
            cells.add(values);
        }
        if (failed) {
            return null;
        }
        List<DataTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < rowNodes.size(); i++) {
            rows.add(new DataTable.Row(i + 1, line(rowNodes.get(i)), List.copyOf(cells.get(i))));
        }
        return new DataTable(block.file(), List.copyOf(cells.get(0)), line(rowNodes.get(0)), List.copyOf(rows));
    }

    /** @param dataKey the {@code data:} or {@code rows:} key, where whole-table problems are reported */
    private ChartSpec withData(ChartKind kind, DataTable table, Node dataKey, Node xNode, List<ScalarNode> yNodes,
                               String id, String title, String unit, boolean valueLabels, String caption,
                               String source, String alt, double width, double height) {
        List<String> header = table.header();
        if (table.rows().size() > Limits.MAX_CHART_ROWS) {
            error(dataKey, "The chart data has " + table.rows().size() + " rows; a chart can show up to "
                    + Limits.MAX_CHART_ROWS + ". Sum or sample the data first.");
            return null;
        }
        if (yNodes.size() > Limits.MAX_CHART_SERIES) {
            error(yNodes.get(Limits.MAX_CHART_SERIES), "'y' lists " + yNodes.size() + " columns; a chart can show up to "
                    + Limits.MAX_CHART_SERIES + " series.");
            return null;
        }
        Map<String, Integer> columnIndex = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                error(table.file(), table.headerLine(), "Column " + (i + 1) + " of the header has no name.");
            } else if (columnIndex.putIfAbsent(name, i) != null) {
                error(table.file(), table.headerLine(), "The header names column '" + name + "' twice.");
            }
        }
        if (table.rows().isEmpty()) {
            error(dataKey, (table.file().equals(block.file()) ? "'rows'" : "CSV file '" + table.file().getFileName() + "'")
                    + " has a header but no data rows.");
        }
        for (DataTable.Row row : table.rows()) {
            if (row.cells().size() != header.size()) {
                error(table.file(), row.line(), "Row " + row.number() + " has " + cells(row.cells().size())
                        + ", but the header has " + header.size() + ".");
            }
        }
        String available = String.join(", ", header);
        String xName = ((ScalarNode) xNode).getValue().strip();
        Integer xColumn = columnIndex.get(xName);
        if (xColumn == null) {
            error(xNode, "Column '" + xName + "' (x) not found; available columns: " + available + ".");
        }
        List<Integer> yColumns = new ArrayList<>();
        for (ScalarNode yNode : yNodes) {
            String name = yNode.getValue().strip();
            Integer column = columnIndex.get(name);
            if (column == null) {
                error(yNode, "Column '" + name + "' (y) not found; available columns: " + available + ".");
            } else if (column.equals(xColumn)) {
                error(yNode, "Column '" + name + "' is already the x column; y needs value columns.");
            } else if (yColumns.contains(column)) {
                error(yNode, "Column '" + name + "' is listed twice in 'y'.");
            } else {
                yColumns.add(column);
            }
        }
        if (kind != null && kind.isCircular() && yNodes.size() > 1) {
            error(yNodes.get(1), "A " + kind.yamlName() + " chart shows one series, but 'y' lists "
                    + yNodes.size() + " columns.");
        }
        if (failed || kind == null) {
            return null;
        }

        List<String> categories = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<List<Double>> values = new ArrayList<>();
        yColumns.forEach(c -> values.add(new ArrayList<>()));
        int fractionDigits = 0;
        boolean anyValue = false;
        for (DataTable.Row row : table.rows()) {
            String category = row.cells().get(xColumn);
            if (category.isEmpty()) {
                error(table.file(), row.line(), "Row " + row.number() + " has no value in the x column '" + xName + "'.");
            } else if (firstRowOf.putIfAbsent(category, row.number()) != null) {
                error(table.file(), row.line(), "Row " + row.number() + " repeats the category '" + category
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
                        error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': " + cell
                                + " is too large for a chart; values may be up to 10^15 either side of zero.");
                    } else if (m.matches()) {
                        value = Double.parseDouble(normalised);
                        fractionDigits = Math.max(fractionDigits, m.group(2) == null ? 0 : m.group(2).length());
                        anyValue = true;
                    } else {
                        error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': '" + cell
                                + "' is not a number.");
                    }
                }
                if (kind.isCircular() && cell.isEmpty()) {
                    error(table.file(), row.line(), "Row " + row.number() + ", column '" + column
                            + "' is empty; a " + kind.yamlName() + " chart needs every value.");
                } else if (kind.isCircular() && value != null && value < 0) {
                    error(table.file(), row.line(), "Row " + row.number() + ", column '" + column + "': a "
                            + kind.yamlName() + " chart cannot show the negative value " + cell + ".");
                }
                values.get(s).add(value);
            }
        }
        if (!failed && !anyValue) {
            error(dataKey, "The chart data has no values in the y columns.");
        }
        if (!failed && kind.isCircular() && values.get(0).stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            error(dataKey, "A " + kind.yamlName() + " chart needs values that add up to more than zero.");
        }
        if (failed) {
            return null;
        }
        if (csv == null) {
            csv = inlineCsv(table, xColumn, yColumns);
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int s = 0; s < yColumns.size(); s++) {
            series.add(new ChartSpec.Series(header.get(yColumns.get(s)), Collections.unmodifiableList(values.get(s))));
        }
        return new ChartSpec(id, kind, title.strip(), blankToNull(unit), valueLabels, blankToNull(caption),
                blankToNull(source), blankToNull(alt), width, height, List.copyOf(categories), List.copyOf(series),
                Math.min(fractionDigits, 3));
    }

    /** Inline rows as RFC 4180 CSV (CRLF line ends, quoted where needed): the x column, then the y columns. */
    private static byte[] inlineCsv(DataTable table, int xColumn, List<Integer> yColumns) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The value of {@code key} as text; null (and an error) when it is a list or mapping. */
    private String text(Map<String, NodeTuple> entries, String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : scalar(tuple.getValueNode(), key);
    }

    private String scalar(Node node, String key) {
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue();
        }
        error(node, "'" + key + "' must be a single value, not a list or mapping.");
        return null;
    }

    private int line(Node node) {
        return block.firstLine() + node.getStartMark().map(Mark::getLine).orElse(0);
    }

    private void error(Node node, String message) {
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        failed = true;
        problems.error(block.file(), line(node), column, message);
    }

    private void error(int line, String message) {
        failed = true;
        problems.error(block.file(), line, 0, message);
    }

    private void error(Path file, int line, String message) {
        failed = true;
        problems.error(file, line, 0, message);
    }

    private void errorAtBlock(String message) {
        error(block.firstLine(), message);
    }

    private void warning(Node node, String message) {
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        problems.warning(block.file(), line(node), column, message);
    }
}

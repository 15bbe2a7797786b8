package org.digestpress.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final Pattern HEIGHT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:mm)?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private final ChartBlock block;
    private final Path root;
    private final Problems problems;
    private final ChartBlockProblems report;
    private byte[] csv;

    /** @param root the folder CSV files must lie in (the publication), links followed */
    ChartSpecReader(ChartBlock block, Path root, Problems problems) {
        this.block = block;
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
        this.report = new ChartBlockProblems(block, problems);
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
                report.errorAtBlock("The chart block has no '" + key + "' key.");
            }
        }
        NodeTuple data = entries.get("data");
        NodeTuple rows = entries.get("rows");
        if (data == null && rows == null) {
            report.errorAtBlock("The chart block needs 'data' (a CSV file next to the article) or 'rows' (inline data).");
        } else if (data != null && rows != null) {
            report.error(rows.getKeyNode(), "Give either 'data' or 'rows', not both.");
        }

        ChartKind kind = kind(entries.get("type"));
        String title = text(entries, "title");
        if (title != null && title.isBlank()) {
            report.error(entries.get("title").getValueNode(), "'title' is empty.");
        }
        String id = text(entries, "id");
        if (id != null && !ID.matcher(id).matches()) {
            report.error(entries.get("id").getValueNode(),
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
            table = csvFile(data.getValueNode());
        } else if (rows != null && data == null) {
            dataKey = rows.getKeyNode();
            table = InlineRows.read(rows.getValueNode(), block.file(), report);
        }
        if (table == null || x == null || y == null || report.failed()) {
            return null;
        }
        ChartSeriesReader.TableValues values = new ChartSeriesReader(block, report)
                .read(kind, table, dataKey, entries.get("x").getValueNode(), y);
        if (values == null) {
            return null;
        }
        if (csv == null) {
            csv = InlineRows.csv(table, values.xColumn(), values.yColumns());
        }
        return new ChartSpec(id, kind, title.strip(), blankToNull(unit), valueLabels, blankToNull(caption),
                blankToNull(source), blankToNull(alt), width, height, values.categories(), values.series(),
                values.fractionDigits());
    }

    /** The table of the CSV file {@code data} names; its bytes kept for {@link #csv()} as soon as they are read. */
    private DataTable csvFile(Node dataNode) {
        String ref = scalar(dataNode, "data");
        if (ref == null) {
            return null;
        }
        CsvDataFile file = new CsvDataFile(block.file(), root, report);
        DataTable table = file.read(dataNode, ref);
        csv = file.bytes();
        return table;
    }

    private MappingNode parse() {
        LoadSettings settings = LoadSettings.builder().setUseMarks(true).setLabel(block.file().toString()).build();
        Optional<Node> root;
        if (!YamlDepth.check(block.yaml(), block.file(), block.firstLine() - 1, problems)) {
            report.fail();
            return null;
        }
        try {
            root = new Compose(settings).composeString(block.yaml());
        } catch (MarkedYamlEngineException e) {
            // an unclosed quote or a colon in a value, in words at its own line, as in front matter
            var slip = org.digestpress.content.YamlParser.slip(block.yaml(), e, settings);
            if (slip.isPresent()) {
                report.error(block.firstLine() + slip.get().line() - 1, slip.get().column(), slip.get().sentence());
                return null;
            }
            int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0);
            String why = e.getProblem() != null ? e.getProblem() : e.getContext();
            report.error(block.firstLine() + line, "The chart block is not valid YAML: " + why + ".");
            return null;
        } catch (YamlEngineException e) {
            report.errorAtBlock("The chart block is not valid YAML: " + e.getMessage() + ".");
            return null;
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            report.errorAtBlock("The chart block must be YAML keys and values: type, title, x, y and data or rows.");
            return null;
        }
        checkCharacters(mapping, 0);
        return report.failed() ? null : mapping;
    }

    /** Control characters (from escapes such as "\\u0001") cannot be printed; an alias loop cannot be walked. */
    private void checkCharacters(Node node, int depth) {
        if (depth > Limits.MAX_YAML_DEPTH) {
            report.error(node, "This list or mapping contains itself through an alias (*name); write the values out.");
            return;
        }
        if (node instanceof ScalarNode scalar) {
            int bad = XmlCharacters.firstInvalid(scalar.getValue());
            if (bad >= 0) {
                report.error(node, "This value holds the control character " + XmlCharacters.name(scalar.getValue().charAt(bad))
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
                report.error(tuple.getKeyNode(), "Chart block keys must be plain words such as 'title'.");
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                report.error(keyNode, "The key '" + key + "' appears twice in the chart block.");
            } else if (!KNOWN_KEYS.contains(key)) {
                report.warning(keyNode, "Unknown key '" + key + "' in the chart block is ignored; known keys are "
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
            report.error(type.getValueNode(), "Unknown chart type '" + name + "'; use one of " + ChartKind.validNames() + ".");
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
                report.error(labels.getValueNode(), "'labels' must be true or false, not '" + value + "'.");
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
        report.error(width.getValueNode(), "'width' must be a fraction of the text width from 0.3 to 1, such as 0.6, not '"
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
        report.error(height.getValueNode(), "'height' must be millimetres from 30 to 200, such as 70, not '" + value + "'.");
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
                    report.error(item, "Each entry of 'y' must be a column name.");
                }
            }
            return report.failed() ? null : names;
        }
        report.error(value, "'y' must be a column name or a list of column names.");
        return null;
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
        report.error(node, "'" + key + "' must be a single value, not a list or mapping.");
        return null;
    }
}

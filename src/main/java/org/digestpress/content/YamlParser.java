package org.digestpress.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.digestpress.problem.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
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
 * Parses YAML into {@link YamlNode}s with positions. Uses snakeyaml-engine's composer rather than
 * its loader because only the node graph keeps the marks we need for file:line diagnostics.
 */
public final class YamlParser {

    private YamlParser() {
    }

    /**
     * @param lineOffset number of file lines before the YAML text (1 for front matter after "---")
     * @return the root node, an empty mapping for an empty document, or {@code null} after
     *         reporting a syntax error
     */
    public static YamlNode parse(String yaml, Path file, int lineOffset, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file == null ? "yaml" : file.toString())
                .setAllowDuplicateKeys(true) // reported ourselves, with the key's line
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(yaml);
            if (root.isEmpty()) {
                return new YamlNode.Mapping(Map.of(), lineOffset + 1, 1);
            }
            return convert(root.get(), file, lineOffset, problems);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? lineOffset + 1 : mark.getLine() + 1 + lineOffset;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            problems.error(file, line, column, "The YAML here is not valid: " + describe(e) + ".");
            return null;
        } catch (YamlEngineException e) {
            problems.error(file, lineOffset + 1, 0, "The YAML is not valid: " + e.getMessage() + ".");
            return null;
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        return context == null ? problem : problem + " (" + context + ")";
    }

    private static YamlNode convert(Node node, Path file, int lineOffset, Problems problems) {
        int line = node.getStartMark().map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            boolean quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
            String value = !quoted && Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
            return new YamlNode.Scalar(value, quoted, line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, file, lineOffset, problems));
            }
            return new YamlNode.Sequence(List.copyOf(items), line, column);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = convert(tuple.getKeyNode(), file, lineOffset, problems);
            String name = key instanceof YamlNode.Scalar s && s.value() != null ? s.value() : String.valueOf(key);
            if (entries.containsKey(name)) {
                problems.error(file, key.line(), key.column(),
                        "The key '" + name + "' appears twice; keep only one.");
            }
            entries.put(name, new YamlNode.Mapping.Entry(name, key.line(), key.column(),
                    convert(tuple.getValueNode(), file, lineOffset, problems)));
        }
        return new YamlNode.Mapping(entries, line, column);
    }
}

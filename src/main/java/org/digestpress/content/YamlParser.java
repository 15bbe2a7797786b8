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
        if (!YamlDepth.check(yaml, file, lineOffset, problems)) {
            return null;
        }
        try {
            Optional<Node> root = new Compose(settings).composeString(yaml);
            if (root.isEmpty()) {
                return new YamlNode.Mapping(Map.of(), lineOffset + 1, 1);
            }
            return convert(root.get(), file, lineOffset, problems, 0);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int errorLine = mark == null ? 1 : mark.getLine() + 1;
            Optional<YamlHints.Hint> hint = slip(yaml, e, settings);
            if (hint.isPresent()) {
                problems.error(file, hint.get().line() + lineOffset, hint.get().column(), hint.get().sentence());
                return null;
            }
            int line = errorLine + lineOffset;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            problems.error(file, line, column, "The YAML here is not valid: " + describe(e) + ".");
            return null;
        } catch (YamlEngineException e) {
            problems.error(file, lineOffset + 1, 0, "The YAML is not valid: " + e.getMessage() + ".");
            return null;
        }
    }

    /**
     * The common slip that explains a syntax error, in a plain sentence at its own line and column
     * (1-based, of the YAML text): an unclosed quote, a colon in a value, a space that is not one.
     * The parser stops where the slip becomes impossible to read, often lines later.
     */
    public static Optional<YamlHints.Hint> slip(String yaml, MarkedYamlEngineException e, LoadSettings settings) {
        Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
        int errorLine = mark == null ? 1 : mark.getLine() + 1;
        return YamlHints.explain(yaml, errorLine, e.getProblem(), changed -> stopsAfter(changed, settings, errorLine));
    }

    /** Whether {@code yaml} parses, or stops at a line after {@code errorLine}: a fix got past that line. */
    private static boolean stopsAfter(String yaml, LoadSettings settings, int errorLine) {
        // A fixed text is composed again, so it must pass the depth check first: the composer
        // recurses per level, and a fix can open the way to a deeply nested part after the error.
        Problems tooDeep = new Problems();
        if (!YamlDepth.check(yaml, null, 0, tooDeep)) {
            return tooDeep.all().stream().allMatch(p -> p.line() > errorLine);
        }
        try {
            new Compose(settings).composeString(yaml);
            return true;
        } catch (MarkedYamlEngineException e) {
            return e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1 > errorLine).orElse(false);
        } catch (YamlEngineException e) {
            return false;
        }
    }

    /**
     * A value with characters XML cannot hold ("a\\u0001b" in double quotes) or past
     * {@link Limits#MAX_YAML_VALUE_CHARS} is reported at its line and cleaned, so it never
     * reaches the layout.
     */
    private static String checked(String value, Path file, int line, int column, Problems problems) {
        if (value == null) {
            return null;
        }
        if (value.length() > Limits.MAX_YAML_VALUE_CHARS) {
            problems.error(file, line, column, "This value is " + value.length() + " characters long; a value may have up to "
                    + Limits.MAX_YAML_VALUE_CHARS + ".");
            return value.substring(0, 100);
        }
        int bad = XmlCharacters.firstInvalid(value);
        if (bad < 0) {
            return value;
        }
        problems.error(file, line, column, "This value holds the control character " + XmlCharacters.name(value.charAt(bad))
                + ", which cannot be printed; delete it (an escape such as \\u0001 in quotes also makes one).");
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> clean.appendCodePoint(XmlCharacters.allowed(cp) ? cp : 0xFFFD));
        return clean.toString();
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        return context == null ? problem : problem + " (" + context + ")";
    }

    private static YamlNode convert(Node node, Path file, int lineOffset, Problems problems, int depth) {
        int line = node.getStartMark().map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            boolean quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
            String value = !quoted && Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
            return new YamlNode.Scalar(checked(value, file, line, column, problems), quoted, line, column);
        }
        if (depth > Limits.MAX_YAML_DEPTH) {
            // only an alias can get here past the depth check: a list or mapping that contains itself
            problems.error(file, line, column, "This YAML list or mapping contains itself through an alias (*name); "
                    + "write the values out.");
            return new YamlNode.Scalar(null, false, line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, file, lineOffset, problems, depth + 1));
            }
            return new YamlNode.Sequence(List.copyOf(items), line, column);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = convert(tuple.getKeyNode(), file, lineOffset, problems, depth + 1);
            String name = key instanceof YamlNode.Scalar s && s.value() != null ? s.value() : String.valueOf(key);
            if (entries.containsKey(name)) {
                problems.error(file, key.line(), key.column(),
                        "The key '" + name + "' appears twice; keep only one.");
            }
            entries.put(name, new YamlNode.Mapping.Entry(name, key.line(), key.column(),
                    convert(tuple.getValueNode(), file, lineOffset, problems, depth + 1)));
        }
        return new YamlNode.Mapping(entries, line, column);
    }
}

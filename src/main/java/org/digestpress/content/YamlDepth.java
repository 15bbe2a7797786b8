package org.digestpress.content;

import java.nio.file.Path;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.digestpress.problem.Problems;

/**
 * Refuses YAML nested deeper than {@link Limits#MAX_YAML_DEPTH} before it is composed: SnakeYAML
 * Engine's composer recurses once per level, so some 1500 nested brackets overflow the stack. Its
 * event parser does not recurse, so counting start and end events is safe at any depth.
 */
public final class YamlDepth {

    private YamlDepth() {
    }

    /**
     * @param lineOffset file lines before the YAML text
     * @return true when the text is within the limit (or has a syntax error the composer will
     *         report); false after reporting the line and column where it goes too deep
     */
    public static boolean check(String yaml, Path file, int lineOffset, Problems problems) {
        if (yaml.length() < Limits.MAX_YAML_DEPTH) {
            return true;
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file == null ? "yaml" : file.toString()).build();
        int depth = 0;
        try {
            for (Event event : new Parse(settings).parseString(yaml)) {
                switch (event.getEventId()) {
                    case MappingStart, SequenceStart -> {
                        depth++;
                        if (depth > Limits.MAX_YAML_DEPTH) {
                            int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(1) + lineOffset;
                            int column = event.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
                            problems.error(file, line, column, "The YAML is nested more than " + Limits.MAX_YAML_DEPTH
                                    + " levels deep here (lists and mappings inside each other); no digest needs that.");
                            return false;
                        }
                    }
                    case MappingEnd, SequenceEnd -> depth--;
                    default -> {
                    }
                }
            }
        } catch (YamlEngineException e) {
            return true; // a syntax error: the composer reports it with its position
        }
        return true;
    }
}

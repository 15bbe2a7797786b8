package org.digestpress.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it stood in its file, so every validation message can point
 * at the line an editor has to fix. Lines and columns are 1-based and already shifted to the
 * file (front matter starts on line 2, not line 1).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    int line();

    int column();

    /** A plain value; {@code value} is the text as written, {@code null} for YAML null. */
    record Scalar(String value, boolean quoted, int line, int column) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    }

    /** Keys keep their own positions so "unknown key" warnings point at the key itself. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {

        public record Entry(String key, int keyLine, int keyColumn, YamlNode value) {
        }

        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }
    }
}

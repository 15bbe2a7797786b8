package org.digestpress.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.digestpress.problem.Problems;

/**
 * Typed access to one YAML mapping of one file. Every wrong type or missing key becomes a problem
 * at the line of the offending value, and unknown keys become warnings, because a typo such as
 * {@code titel:} otherwise silently loses the value.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final Path file;
    private final Problems problems;
    private final String where;

    Fields(YamlNode.Mapping mapping, Path file, Problems problems, String where) {
        this.mapping = mapping;
        this.file = file;
        this.problems = problems;
        this.where = midSentence(where);
    }

    /** "The front matter" reads "in the front matter" inside a sentence; file names stay as they are. */
    private static String midSentence(String where) {
        return where.matches("(A|An|The) .*") ? Character.toLowerCase(where.charAt(0)) + where.substring(1) : where;
    }

    private static String sentenceStart(String where) {
        return where.isEmpty() ? where : Character.toUpperCase(where.charAt(0)) + where.substring(1);
    }

    /** Reads the root of a document, which must be a mapping; {@code null} after reporting otherwise. */
    static Fields root(YamlNode node, Path file, Problems problems, String where) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, file, problems, where);
        }
        problems.error(file, node.line(), node.column(), sentenceStart(where) + " must be a set of 'key: value' lines.");
        return null;
    }

    int line() {
        return mapping.line();
    }

    boolean has(String key) {
        return mapping.get(key) != null;
    }

    YamlNode node(String key) {
        return mapping.get(key);
    }

    int lineOf(String key) {
        YamlNode.Mapping.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.line() : entry.keyLine();
    }

    String string(String key) {
        YamlNode node = mapping.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            return s.value() == null ? null : s.value().strip();
        }
        problems.error(file, node.line(), node.column(), "'" + key + "' in " + where + " must be text.");
        return null;
    }

    String requiredString(String key) {
        String value = string(key);
        if (value == null || value.isBlank()) {
            if (mapping.get(key) == null || value != null || mapping.get(key) instanceof YamlNode.Scalar) {
                problems.error(file, mapping.get(key) == null ? mapping.line() : lineOf(key), 0,
                        sentenceStart(where) + " needs a '" + key + "'.");
            }
            return null;
        }
        return value;
    }

    Integer integer(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            YamlNode node = mapping.get(key);
            problems.error(file, node.line(), node.column(),
                    "'" + key + "' in " + where + " must be a whole number, not '" + text + "'.");
            return null;
        }
    }

    boolean flag(String key) {
        String text = string(key);
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                YamlNode node = mapping.get(key);
                problems.error(file, node.line(), node.column(),
                        "'" + key + "' in " + where + " must be true or false, not '" + text + "'.");
                return false;
            }
        }
    }

    Fields mapping(String key) {
        YamlNode node = mapping.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, file, problems, "'" + key + "'");
        }
        problems.error(file, node.line(), node.column(),
                "'" + key + "' in " + where + " must be a set of 'key: value' lines.");
        return null;
    }

    List<YamlNode> list(String key) {
        YamlNode node = mapping.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problems.error(file, node.line(), node.column(),
                "'" + key + "' in " + where + " must be a list (lines starting with '- ').");
        return List.of();
    }

    /** A list of plain strings, e.g. tags; a single string is accepted as a one-item list. */
    List<String> strings(String key) {
        YamlNode node = mapping.get(key);
        if (node instanceof YamlNode.Scalar s) {
            return s.value() == null ? List.of() : List.of(s.value().strip());
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (item instanceof YamlNode.Scalar s && s.value() != null) {
                out.add(s.value().strip());
            } else {
                problems.error(file, item.line(), item.column(), "Each item of '" + key + "' must be text.");
            }
        }
        return List.copyOf(out);
    }

    Fields asFields(YamlNode node, String itemWhere) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, file, problems, itemWhere);
        }
        problems.error(file, node.line(), node.column(), sentenceStart(itemWhere) + " must be a set of 'key: value' lines.");
        return null;
    }

    void warnUnknown(Set<String> known) {
        for (YamlNode.Mapping.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                String suggestion = closest(entry.key(), known);
                problems.warning(file, entry.keyLine(), entry.keyColumn(),
                        "Unknown key '" + entry.key() + "' in " + where + " is ignored"
                                + (suggestion == null ? "." : "; did you mean '" + suggestion + "'?"));
            }
        }
    }

    Path file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    /** The known key within edit distance 2, so a typo gets a useful hint. */
    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package org.digestpress.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.digestpress.assets.Assets;
import org.digestpress.problem.Problems;

/**
 * The fixed words of a layout in one language («Источник», «Рис.», month names). They are data in
 * {@code templates/labels/<language>.yaml}, so a new language needs a file, not a code change.
 */
public final class Labels {

    private final String language;
    private final Map<String, String> texts;
    private final List<String> months;
    private final List<String> monthsInText;

    Labels(String language, Map<String, String> texts, List<String> months) {
        this(language, texts, months, months);
    }

    Labels(String language, Map<String, String> texts, List<String> months, List<String> monthsInText) {
        this.language = language;
        this.texts = Map.copyOf(texts);
        this.months = List.copyOf(months);
        this.monthsInText = List.copyOf(monthsInText);
    }

    public static Labels load(Assets templates, String language, Problems problems) {
        String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
        String name = "labels/" + primary + ".yaml";
        Optional<byte[]> bytes = templates.read(name);
        if (bytes.isEmpty()) {
            problems.warning(null, 0, 0, "There are no labels for the language '" + language + "' in "
                    + templates.describe() + "; English labels are used. Add " + name + " to translate them.");
            name = "labels/en.yaml";
            bytes = templates.read(name);
            if (bytes.isEmpty()) {
                return new Labels(language, Map.of(), List.of());
            }
        }
        Path file = templates.folder().map(f -> f.resolve("labels").resolve(primary + ".yaml")).orElse(Path.of(name));
        String text = new String(bytes.get(), StandardCharsets.UTF_8);
        YamlNode root = YamlParser.parse(text, file, 0, problems);
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> months = List.of();
        List<String> monthsInText = null;
        if (root instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Mapping.Entry entry : mapping.entries().values()) {
                if (entry.value() instanceof YamlNode.Scalar s && s.value() != null) {
                    texts.put(entry.key(), s.value());
                } else if (entry.key().equals("months") && entry.value() instanceof YamlNode.Sequence seq) {
                    months = strings(seq);
                } else if (entry.key().equals("months_in_text") && entry.value() instanceof YamlNode.Sequence seq) {
                    monthsInText = strings(seq);
                }
            }
        }
        if (months.size() != 12) {
            problems.error(file, root == null ? 0 : root.line(), 0, "The labels need 'months': a list of the 12 month names.");
        }
        if (monthsInText != null && monthsInText.size() != 12) {
            problems.error(file, root == null ? 0 : root.line(), 0, "'months_in_text' needs the 12 month names, or leave it out.");
            monthsInText = null;
        }
        return new Labels(primary, texts, months, monthsInText == null ? months : monthsInText);
    }

    private static List<String> strings(YamlNode.Sequence seq) {
        return seq.items().stream().map(n -> n instanceof YamlNode.Scalar s ? String.valueOf(s.value()) : "").toList();
    }

    public String language() {
        return language;
    }

    /** The label, or the key itself so a missing translation is visible rather than fatal. */
    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** The label with {@code {0}}-style arguments filled in. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key).replace("'", "''"), Locale.ROOT).format(arguments);
    }

    /** Month name in the nominative, January = 1, for the cover («Июнь 2025»). */
    public String month(int month) {
        return months.size() == 12 ? months.get(month - 1) : String.valueOf(month);
    }

    /**
     * Month name as it stands inside a sentence («Выпуск № 6, июнь 2025», «Issue 1, June 2026»):
     * {@code months_in_text} in the labels file, or the cover's names when the language writes
     * them the same way in running text.
     */
    public String monthInText(int month) {
        return monthsInText.size() == 12 ? monthsInText.get(month - 1) : month(month);
    }

    public Map<String, String> all() {
        return texts;
    }
}

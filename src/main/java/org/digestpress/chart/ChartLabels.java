package org.digestpress.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-language table of chart wording and number conventions ({@code labels_xx.properties}).
 * Kept out of the Java code so an editor can correct a phrase without touching the drawing logic,
 * and so adding a language is adding a file.
 */
final class ChartLabels {

    private static final String FALLBACK = "en";
    private static final Map<String, ChartLabels> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Properties table;

    private ChartLabels(String language, Properties table) {
        this.language = language;
        this.table = table;
    }

    /** The table for {@code language} ("ru", "ru-RU", "en"...); English when there is none. */
    static ChartLabels forLanguage(String language) {
        String primary = language == null ? FALLBACK
                : language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (ChartLabels.class.getResource(resourceName(primary)) == null) {
            primary = FALLBACK;
        }
        return LOADED.computeIfAbsent(primary, ChartLabels::load);
    }

    private static String resourceName(String language) {
        return "labels_" + language + ".properties";
    }

    private static ChartLabels load(String language) {
        Properties table = new Properties();
        try (InputStream in = ChartLabels.class.getResourceAsStream(resourceName(language))) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart labels for " + language, e);
        }
        return new ChartLabels(language, table);
    }

    String language() {
        return language;
    }

    /** A phrase by key; a missing key is a bug in the table, not in the article, hence unchecked. */
    String get(String key) {
        String value = table.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("labels_" + language + ".properties has no key " + key);
        }
        return value;
    }

    /**
     * The phrase with its {@code {name}} placeholders replaced. Named placeholders instead of
     * MessageFormat, because MessageFormat's quote rules would mangle Russian «» and apostrophes.
     */
    String fill(String key, Map<String, String> values) {
        String text = get(key);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String name = text.substring(open + 1, close);
            out.append(text, i, open);
            String value = values.get(name);
            out.append(value != null ? value : text.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }
}

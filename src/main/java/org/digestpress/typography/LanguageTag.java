package org.digestpress.typography;

import java.util.Locale;

/** Reduces a BCP-47 tag to what the typography stage distinguishes: its primary language subtag. */
final class LanguageTag {
    private LanguageTag() {
    }

    /** "ru-RU" → "ru", "EN_us" → "en"; null or blank → "" (an unknown language, which gets no rules). */
    static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        String trimmed = tag.strip();
        int end = 0;
        while (end < trimmed.length() && trimmed.charAt(end) != '-' && trimmed.charAt(end) != '_') {
            end++;
        }
        return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }
}

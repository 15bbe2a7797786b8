package org.digestpress.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a news item comes from; {@code url} may be null. */
public record Source(String name, String url) {

    /**
     * The label an author may have typed before a source («Источник:», «Источники:», «Source:»,
     * in the text's language or in English), as far as the first character after it. Every
     * source line prints the label itself, so it is taken off where the author wrote it.
     */
    public static Matcher typedLabel(String text, Labels labels) {
        return Pattern.compile("^\\s*(?:" + Pattern.quote(labels.get("source")) + "|" + Pattern.quote(labels.get("sources"))
                        + "|Sources?)\\s*:\\s*(?=\\S)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
    }

    /** The text without a label typed before it: «Источник: ТАСС» → «ТАСС»; anything else as it is. */
    public static String withoutLabel(String text, Labels labels) {
        if (text == null) {
            return null;
        }
        Matcher m = typedLabel(text, labels);
        return m.find() ? text.substring(m.end()) : text;
    }
}

package org.digestpress.typography;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds addresses in running text and freezes them, so no rule turns their hyphens into dashes or
 * their quotes into guillemets, and no soft hyphen lands inside them (a reader copying a URL from
 * the PDF must get the URL).
 */
final class UrlsAndEmails {
    private static final String TAIL = "[^\\s\\u00A0\\u202F<>\"«»“”„\\uFFFC]*[^\\s\\u00A0\\u202F<>\"«»“”„\\uFFFC.,;:!?)\\]}'’…]";
    private static final Pattern ADDRESS = Pattern.compile(
            // Repeated groups are possessive or bounded: java.util.regex recurses once per repetition
            // of a group, and «А.А.А.…» 2000 times overflowed the stack. Nothing follows the
            // e-mail's group, so possessive matches the same; a domain has at most 10 labels.
            // scheme URLs and www. hosts
            "(?i)(?:\\b(?:https?|ftp)://|\\bmailto:|\\bwww\\.)" + TAIL
                    // e-mail addresses
                    + "|[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)++"
                    // bare domains with a common top-level domain, with or without a path
                    + "|(?<![\\p{L}\\p{N}@.\\-])(?:[\\p{L}\\p{N}\\-]+\\.){1,10}(?:com|org|net|ru|рф|su|io|gov|edu|info|uk|de|eu|me|dev|app)"
                    + "(?![\\p{L}\\p{N}\\-])(?:/" + TAIL + ")?");

    private UrlsAndEmails() {
    }

    static void freeze(TextRun run) {
        if (!mayHoldAddress(run.text())) {
            return;
        }
        Matcher m = ADDRESS.matcher(run.text());
        while (m.find()) {
            run.freeze(m.start(), m.end());
        }
    }

    /**
     * False only where {@link #ADDRESS} cannot match: every address has «@», «://», «mailto:» or
     * a full stop followed by a letter («www.», a domain's last dot). Most runs of prose have none,
     * and the expression tries every position of a run (a quarter of the typography's time).
     */
    static boolean mayHoldAddress(String text) {
        if (text.indexOf('@') >= 0 || text.contains("://")) {
            return true;
        }
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            if (Character.isLetter(text.codePointAt(i + 1))) {
                return true;
            }
        }
        return text.toLowerCase(java.util.Locale.ROOT).contains("mailto:");
    }
}

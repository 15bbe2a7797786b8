package org.digestpress.pdf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets thin spaces in the brand fonts. PT Sans and PT Serif have no narrow no-break space
 * (U+202F) and no thin space (U+2009), so openhtmltopdf would take them from the fallback font
 * and embed a whole extra font for a few digit groups. Each one becomes a no-break space
 * (U+00A0, which every font has) in a span set at a smaller size, which makes it as narrow as a
 * thin space; a number holding such spaces is wrapped in a no-wrap span, because the renderer
 * may break a line where one inline element ends and the next begins.
 *
 * <p>Only text in the body is touched: attribute values (alt texts, links) and the head (title,
 * bookmarks, style sheet) keep the real characters, which cost nothing there and copy right.
 */
final class ThinSpaces {
    static final String CSS = ".thin-space { font-size: 70%; }\n.no-wrap { white-space: nowrap; }\n";

    private static final Pattern TEXT = Pattern.compile("(?s)(<[^>]*>)|([^<]+)");
    /**
     * Digit groups, and a number with its per cent sign (53,6 %): neither may break at the thin space.
     * Possessive: a repeated group recurses once per repetition, and a long number overflowed the stack.
     */
    private static final Pattern GROUPED_NUMBER = Pattern.compile(
            "[\\p{N}]+(?:[\\u202F\\u2009][\\p{N}]+)*+(?:[.,][\\p{N}]+)?(?:[\\u202F\\u2009][%‰])?");
    private static final Pattern THIN = Pattern.compile("[\\u202F\\u2009]");
    private static final String SPAN = "<span class=\"thin-space\">&#160;</span>";

    private ThinSpaces() {
    }

    static String rewrite(String xhtml) {
        int body = xhtml.indexOf("<body");
        if (body < 0 || (xhtml.indexOf('\u202F', body) < 0 && xhtml.indexOf('\u2009', body) < 0)) {
            return xhtml;
        }
        StringBuilder out = new StringBuilder(xhtml.length() + 256).append(xhtml, 0, body);
        Matcher m = TEXT.matcher(xhtml);
        m.region(body, xhtml.length());
        boolean verbatim = false;
        while (m.find()) {
            if (m.group(1) != null) {
                String tag = m.group(1);
                // <style> and <script> in the body would hold no prose; leave them whole.
                if (tag.startsWith("<style") || tag.startsWith("<script")) {
                    verbatim = true;
                } else if (tag.startsWith("</style") || tag.startsWith("</script")) {
                    verbatim = false;
                }
                out.append(tag);
            } else if (verbatim) {
                out.append(m.group(2));
            } else {
                out.append(text(m.group(2)));
            }
        }
        return out.toString();
    }

    private static String text(String text) {
        if (text.indexOf('\u202F') < 0 && text.indexOf('\u2009') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher number = GROUPED_NUMBER.matcher(text);
        int from = 0;
        while (number.find()) {
            if (!THIN.matcher(number.group()).find()) {
                continue; // a number without a thin space needs no span
            }
            out.append(THIN.matcher(text.substring(from, number.start())).replaceAll(SPAN));
            out.append("<span class=\"no-wrap\">").append(THIN.matcher(number.group()).replaceAll(SPAN)).append("</span>");
            from = number.end();
        }
        out.append(THIN.matcher(text.substring(from)).replaceAll(SPAN));
        return out.toString();
    }
}

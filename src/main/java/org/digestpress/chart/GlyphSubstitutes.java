package org.digestpress.chart;

import java.awt.Font;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for typographic spaces and signs a chart font may lack. openhtmltopdf's Graphics2D
 * bridge draws a whole string as outlines, no longer text, when the font misses one character
 * of it; PT Sans, for one, has no narrow no-break space (U+202F), which Russian number grouping
 * wants. Inside a chart nothing ever breaks a line, so a wider no-break space loses nothing but
 * a sliver of width, while outlines would lose the text.
 */
final class GlyphSubstitutes {

    private static final Map<Character, List<String>> STAND_INS = Map.of(
            '\u202F', List.of("\u00A0", " "),
            '\u2009', List.of("\u00A0", " "),
            '\u00A0', List.of(" "),
            '\u2212', List.of("\u2013", "-"),
            '\u2011', List.of("-"));

    private GlyphSubstitutes() {
    }

    /** {@code text} with every character {@code font} cannot show replaced by a stand-in it can. */
    static String fit(String text, Font font) {
        if (font.canDisplayUpTo(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = String.valueOf(c);
            if (!font.canDisplay(c)) {
                for (String standIn : STAND_INS.getOrDefault(c, List.of())) {
                    if (font.canDisplayUpTo(standIn) < 0) {
                        replacement = standIn;
                        break;
                    }
                }
            }
            out.append(replacement);
        }
        return out.toString();
    }

    /** The first character of {@code text} the font cannot show even with a stand-in, or -1. */
    static int firstMissing(String text, Font font) {
        String fitted = fit(text, font);
        int index = font.canDisplayUpTo(fitted);
        return index < 0 ? -1 : fitted.codePointAt(index);
    }
}

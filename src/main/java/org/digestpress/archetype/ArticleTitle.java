package org.digestpress.archetype;

import java.util.Optional;

import org.digestpress.content.Limits;
import org.digestpress.content.XmlCharacters;

/**
 * The title {@code digest new article} is given, checked by the rules the build applies to every
 * front-matter value and written as a YAML double-quoted scalar that the build reads back as
 * exactly the same text (after the surrounding spaces the build strips too).
 */
final class ArticleTitle {

    private ArticleTitle() {
    }

    /** Why the build would refuse {@code title}, as a sentence, or empty when it is fine. */
    static Optional<String> refusal(String title) {
        int bad = XmlCharacters.firstInvalid(title);
        if (bad >= 0) {
            return Optional.of("The title holds the invisible control character "
                    + XmlCharacters.name(title.charAt(bad)) + " (character " + (bad + 1) + "), which cannot be "
                    + "printed; type the title again without it. Nothing was written.");
        }
        if (title.length() > Limits.MAX_YAML_VALUE_CHARS) {
            return Optional.of("The title is " + title.length() + " characters long; a value may have up to "
                    + Limits.MAX_YAML_VALUE_CHARS + ". Nothing was written.");
        }
        return Optional.empty();
    }

    /**
     * A YAML double-quoted scalar: colons, quotes, {@code #}, a leading {@code -} and the like are
     * safe inside it; backslashes and quotes are escaped, and so is every character YAML would
     * read as a line break or not accept raw (line ends, tabs, U+0085, U+2028/2029, U+FEFF, other
     * controls), so the scalar stays on one line and means the same characters.
     */
    static String yaml(String title) {
        StringBuilder out = new StringBuilder("\"");
        title.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                            || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}

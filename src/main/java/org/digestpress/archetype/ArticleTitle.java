package org.digestpress.archetype;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.digestpress.content.Limits;
import org.digestpress.content.XmlCharacters;
import org.digestpress.problem.JsonString;

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
                    + "printed; type the title again without it.");
        }
        if (title.length() > Limits.MAX_YAML_VALUE_CHARS) {
            return Optional.of("The title is " + title.length() + " characters long; a value may have up to "
                    + Limits.MAX_YAML_VALUE_CHARS + ".");
        }
        return Optional.empty();
    }

    /** Characters YAML does not accept raw or reads as a line break, beyond those JSON escapes. */
    private static final Pattern YAML_ONLY = Pattern.compile("[\\u007F-\\u009F\\uFEFF\\uFFFE\\uFFFF]");

    /**
     * A YAML double-quoted scalar: colons, quotes, {@code #}, a leading {@code -} and the like are
     * safe inside it. YAML's double-quoted style reads JSON's escapes, so the title is quoted as a
     * JSON string (quotes and backslashes, line ends, tabs, controls and U+2028/2029 escaped) and
     * then what YAML alone refuses raw or takes for a line break (U+007F to U+009F with U+0085,
     * U+FEFF) is escaped too: the scalar stays on one line and means the same characters.
     */
    static String yaml(String title) {
        return YAML_ONLY.matcher(JsonString.quote(title)).replaceAll(m -> String.format(Locale.ROOT, "\\\\u%04X",
                (int) m.group().charAt(0)));
    }
}

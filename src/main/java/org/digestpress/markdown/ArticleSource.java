package org.digestpress.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown an HTML fragment was made from, to find the file line a problem in the fragment is
 * reported at. The HTML has lost its lines, so they are found again by searching the source for
 * what the author wrote.
 */
final class ArticleSource {

    private final String source;
    private final int firstLine;

    /** @param firstLine the file line of the source's first line */
    ArticleSource(String source, int firstLine) {
        this.source = source;
        this.firstLine = firstLine;
    }

    /** The file line where {@code needle} first occurs in the source, or the first line. */
    int lineOf(String needle) {
        int index = source.indexOf(needle);
        return index < 0 ? firstLine : lineAt(index);
    }

    /**
     * The line of the second definition matching {@code definition}: a duplicate is reported where
     * it is introduced, not at the first use, which is fine. The first line when there is no second.
     */
    int secondDefinition(Pattern definition) {
        Matcher m = definition.matcher(source);
        int found = -1;
        for (int n = 0; n < 2 && m.find(); n++) {
            found = m.start();
        }
        return found < 0 ? firstLine : lineAt(found);
    }

    private int lineAt(int index) {
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

package org.digestpress.markdown;

import java.nio.file.Path;
import java.util.Set;

import org.digestpress.content.Limits;
import org.digestpress.problem.Problems;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Refuses a paragraph (or list item, table cell, heading) longer than
 * {@link Limits#MAX_PARAGRAPH_CHARS}: openhtmltopdf breaks lines in time that grows with the
 * square of a paragraph's length (1 MB took 47 s, 5 MB did not finish), and no article has such a
 * paragraph unless something went wrong. Its text is cut short so later stages stay fast too.
 */
final class LongParagraphs {

    private static final Set<String> BLOCKS = Set.of("p", "li", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5",
            "h6", "dt", "dd", "caption", "blockquote", "div", "ol", "ul", "table", "thead", "tbody", "tr");

    private LongParagraphs() {
    }

    static void report(Element root, String source, Path file, int firstLine, Problems problems) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (inlineLength(e) > Limits.MAX_PARAGRAPH_CHARS) {
                    String text = e.getTextContent();
                    problems.error(file, lineOf(source, text, firstLine), 0, "This paragraph is " + text.length()
                            + " characters long; a paragraph may have up to " + Limits.MAX_PARAGRAPH_CHARS
                            + ". Split it with blank lines.");
                    e.setTextContent(text.substring(0, 100) + "…");
                } else {
                    report(e, source, file, firstLine, problems);
                }
            }
        }
    }

    /** The text the element sets in one flow: its own text and that of inline elements, not of nested blocks. */
    private static long inlineLength(Element element) {
        long length = 0;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text t) {
                length += t.getLength();
            } else if (child instanceof Element e && !BLOCKS.contains(e.getTagName())) {
                length += inlineLength(e);
            }
        }
        return length;
    }

    private static int lineOf(String source, String text, int firstLine) {
        String start = text.strip();
        start = start.substring(0, Math.min(30, start.length()));
        int index = start.isEmpty() ? -1 : source.indexOf(start);
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

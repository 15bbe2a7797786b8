package org.digestpress.markdown;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Finds image syntax that Markdown did not take as an image and that would be printed as it
 * stands: {@code ![Схема](../images/my photo.svg)}. CommonMark ends an image path at the first
 * space, so such a path must be written in angle brackets; we say so at the line and column
 * rather than accept it, which would make our Markdown differ from every other tool's.
 */
final class LiteralImages {

    /**
     * {@code ![alt](what Markdown did not take)}, as left in the text. Possessive, and neither part
     * runs over a bracket or parenthesis, so a search over any text is linear.
     */
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]\\n]*+)\\]\\(([^()<>\\n]*+)\\)");
    private static final Set<String> LITERAL = Set.of("code", "pre");

    private final String source;
    private final Path file;
    private final Problems problems;
    /** Where in the source the search for the next literal goes on, and that place's line. */
    private int from;
    private int line;
    private int lineStart;

    private LiteralImages(String source, Path file, int firstLine, Problems problems) {
        this.source = source;
        this.file = file;
        this.line = firstLine;
        this.problems = problems;
    }

    static void report(Element root, String source, Path file, int firstLine, Problems problems) {
        new LiteralImages(source, file, firstLine, problems).walk(root);
    }

    private void walk(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && !LITERAL.contains(e.getTagName())) {
                walk(e);
            } else if (child instanceof Text t && t.getData().contains("![")) {
                Matcher m = IMAGE.matcher(t.getData());
                while (m.find()) {
                    check(m.group(), m.group(1), m.group(2).strip());
                }
            }
        }
    }

    private void check(String literal, String alt, String inside) {
        String title = "";
        int open = inside.endsWith("\"") ? inside.lastIndexOf('"', inside.length() - 2) : -1;
        if (open > 0 && Character.isWhitespace(inside.charAt(open - 1))) {
            title = " " + inside.substring(open);
            inside = inside.substring(0, open).strip();
        }
        if (inside.isEmpty() || inside.chars().noneMatch(Character::isWhitespace)) {
            return;
        }
        int index = source.indexOf(literal, from);
        int column = 0;
        if (index >= 0) {
            for (int i = from; i < index; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            column = index - lineStart + 1;
            from = index;
        }
        problems.warning(file, line, column, "This image was not recognised because its path has a space: write "
                + "the path in angle brackets, ![" + alt + "](<" + inside + ">" + title + ").");
    }
}

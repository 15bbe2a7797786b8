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

    /** {@code ![alt](path with a space)} or with a title after it, as left in the text. */
    private static final Pattern IMAGE = Pattern.compile(
            "!\\[([^\\]\\n]*)\\]\\(([^()<>\\n\"]*?\\s[^()<>\\n\"]*?)(\\s+\"[^\"\\n]*\")?\\)");
    private static final Set<String> LITERAL = Set.of("code", "pre");

    private LiteralImages() {
    }

    static void report(Element root, String source, Path file, int firstLine, Problems problems) {
        int[] from = {0};
        walk(root, source, file, firstLine, problems, from);
    }

    private static void walk(Element element, String source, Path file, int firstLine, Problems problems, int[] from) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && !LITERAL.contains(e.getTagName())) {
                walk(e, source, file, firstLine, problems, from);
            } else if (child instanceof Text t && t.getData().contains("![")) {
                Matcher m = IMAGE.matcher(t.getData());
                while (m.find()) {
                    String path = m.group(2).strip();
                    if (path.isEmpty()) {
                        continue;
                    }
                    String fixed = "![" + m.group(1) + "](<" + path + ">" + (m.group(3) == null ? "" : m.group(3))
                            + ")";
                    int index = source.indexOf(m.group(), from[0]);
                    int line = firstLine;
                    int lineStart = 0;
                    for (int i = 0; i < index; i++) {
                        if (source.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    if (index >= 0) {
                        from[0] = index + m.group().length();
                    }
                    problems.warning(file, line, index < 0 ? 0 : index - lineStart + 1, "This image was not "
                            + "recognised because its path has a space: write the path in angle brackets, "
                            + fixed + ".");
                }
            }
        }
    }
}

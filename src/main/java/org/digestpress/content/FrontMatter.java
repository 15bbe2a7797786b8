package org.digestpress.content;

import java.nio.file.Path;

import org.digestpress.problem.Problems;

/**
 * Splits an article into its YAML front matter and Markdown body, keeping line numbers so that
 * both parts can report positions in the original file.
 *
 * @param yaml           the text between the {@code ---} lines
 * @param yamlLineOffset lines of the file before the YAML text (1: the opening {@code ---})
 * @param body           the Markdown after the closing line
 * @param bodyFirstLine  the 1-based file line the body starts on
 */
record FrontMatter(String yaml, int yamlLineOffset, String body, int bodyFirstLine) {

    static FrontMatter split(String text, Path file, Problems problems) {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            problems.error(file, 1, 1, "The article must start with front matter: a line '---', "
                    + "then 'title: ...', then a closing '---'.");
            return null;
        }
        int lineNumber = 1;
        int position = 4;
        while (position <= text.length()) {
            int end = text.indexOf('\n', position);
            String line = end < 0 ? text.substring(position) : text.substring(position, end);
            lineNumber++;
            if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
                String yaml = text.substring(4, position);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(yaml, 1, body, lineNumber + 1);
            }
            if (end < 0) {
                break;
            }
            position = end + 1;
        }
        problems.error(file, 1, 1, "The front matter opened here is never closed with a '---' line.");
        return null;
    }
}

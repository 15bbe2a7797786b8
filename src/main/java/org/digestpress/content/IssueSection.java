package org.digestpress.content;

import java.nio.file.Path;
import java.util.List;

/**
 * A section as it appears in one issue.
 *
 * @param intro     Markdown from the section folder's {@code _intro.md}, or null
 * @param introFile that file, or null
 */
public record IssueSection(Section section, String intro, Path introFile, List<Article> articles) {

    public IssueSection {
        articles = List.copyOf(articles);
    }
}

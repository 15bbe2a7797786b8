package org.digestpress.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Publication;
import org.digestpress.markdown.SourceLines;

/**
 * Which file each text of an issue comes from, by the key its blocks carry through the layout
 * (see {@link SourceLines}): an article by its key, a section's introduction, the inside cover
 * (issue.yaml) and the back page (publication.yaml). The source map answers in files with it.
 */
final class SourceFiles {

    private SourceFiles() {
    }

    static Map<String, Path> of(Publication publication, Issue issue) {
        Map<String, Path> files = new TreeMap<>();
        for (IssueSection section : issue.sections()) {
            if (section.introFile() != null) {
                files.put("intro-" + section.section().id(), section.introFile());
            }
            for (Article article : section.articles()) {
                files.put(article.key(), article.file());
            }
        }
        files.put("inside", issue.file());
        files.put("back", publication.file());
        return files;
    }

    /** The mark of a one-line text written in YAML (a title, a lead), or null when its line is unknown. */
    static String mark(String text, int line) {
        return line <= 0 ? null : SourceLines.value(text, line, 1, line);
    }
}

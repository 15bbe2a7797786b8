package org.digestpress.content;

import java.nio.file.Path;
import java.util.List;

/**
 * One news item or research piece, validated.
 *
 * @param file          the Markdown file
 * @param key           unique, stable, XML-safe id within the issue, e.g. {@code events-03-moscow-media}
 * @param language      the publication's language unless the article overrides it
 * @param body          Markdown after the front matter
 * @param bodyFirstLine 1-based line of the body's first line in {@code file}
 */
public record Article(Path file, String key, String sectionId, String title, String lead, String date,
                      Source source, String region, List<String> tags, Picture image, boolean draft,
                      String language, String body, int bodyFirstLine) {

    public Article {
        tags = List.copyOf(tags);
    }
}

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
 * @param regions       what {@code region} in the front matter names: one text or a list, in that order
 * @param bodyFirstLine 1-based line of the body's first line in {@code file}
 * @param titleLine     1-based line of the front matter's {@code title}, 0 when unknown
 * @param leadLine      1-based line of the front matter's {@code lead}, 0 when there is none
 */
public record Article(Path file, String key, String sectionId, String title, String lead, String date,
                      Source source, List<Region> regions, List<String> tags, Picture image, boolean draft,
                      String language, String body, int bodyFirstLine, int titleLine, int leadLine) {

    public Article {
        tags = List.copyOf(tags);
        regions = List.copyOf(regions);
    }

    public Article(Path file, String key, String sectionId, String title, String lead, String date,
                   Source source, List<Region> regions, List<String> tags, Picture image, boolean draft,
                   String language, String body, int bodyFirstLine) {
        this(file, key, sectionId, title, lead, date, source, regions, tags, image, draft, language, body,
                bodyFirstLine, 0, 0);
    }

    /** The regions joined as an editor writes them above a title («Пензенская область, Калужская область»), or null. */
    public String region() {
        return regions.isEmpty() ? null : String.join(", ", regions.stream().map(Region::name).toList());
    }
}

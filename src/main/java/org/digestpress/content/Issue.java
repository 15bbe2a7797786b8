package org.digestpress.content;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * One issue with its articles grouped by section, in publication order.
 *
 * @param dir         the issue folder, named {@code YYYY-MM}
 * @param insideCover Markdown for the inside cover
 * @param sections    only sections that have articles or an intro in this issue
 */
public record Issue(Path dir, Path file, int number, YearMonth date, Picture cover, String insideCover,
                    int insideCoverLine, List<Link> publications, List<IssueSection> sections) {

    public Issue {
        publications = List.copyOf(publications);
        sections = List.copyOf(sections);
    }

    public List<Article> articles() {
        return sections.stream().flatMap(s -> s.articles().stream()).toList();
    }
}

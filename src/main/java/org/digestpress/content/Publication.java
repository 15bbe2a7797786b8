package org.digestpress.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything that stays the same from issue to issue: name, publisher, brand, sections.
 *
 * @param root          the publication folder; nothing outside it (and the templates and fonts)
 *                      is ever read
 * @param file          its {@code publication.yaml}
 * @param backPage      Markdown for the back page
 * @param resources     links listed on the inside cover (may be empty)
 * @param index         the indexes printed before the back page: {@code regions}, {@code tags}, in that order
 * @param web           whether every build also writes the web edition ({@code web: true})
 * @param baseUrl       where the archive folder is published ({@code web: {base_url: …}}), ending in
 *                      {@code /}, or null: the feed's and the e-mail's links are absolute only with it
 */
public record Publication(Path root, Path file, String title, String subtitle, String language,
                          Publisher publisher, Brand brand, List<Section> sections, String backPage,
                          int backPageLine, List<Link> resources, List<String> index, boolean web,
                          String baseUrl) {

    /** What {@code index} may ask for, in the order the index pages are printed. */
    public static final List<String> INDEXES = List.of("regions", "tags");

    public Publication {
        sections = List.copyOf(sections);
        resources = List.copyOf(resources);
        index = List.copyOf(index);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}

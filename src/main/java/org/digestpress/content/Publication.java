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
 */
public record Publication(Path root, Path file, String title, String subtitle, String language,
                          Publisher publisher, Brand brand, List<Section> sections, String backPage,
                          int backPageLine, List<Link> resources) {

    public Publication {
        sections = List.copyOf(sections);
        resources = List.copyOf(resources);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}

package org.digestpress.content;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.digestpress.HostileText;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Whatever an article's front matter holds (unknown keys, odd values, escapes of control
 * characters and surrogates, YAML nested 1500 levels, aliases, broken syntax), loading the issue
 * ends with the article or with problems at a line of its file; never with an exception.
 */
class FrontMatterPropertiesTest {

    private static Path root;
    private static Publication publication;

    @BeforeContainer
    static void publication() throws IOException {
        root = Files.createTempDirectory("digestpress-frontmatter");
        Files.writeString(root.resolve("publication.yaml"), "title: Т\nlanguage: ru\npublisher:\n  name: И\n"
                + "sections:\n  - id: news\n    title: Новости\n");
        Files.createDirectories(root.resolve("2030-01/news"));
        Files.writeString(root.resolve("2030-01/issue.yaml"), "number: 1\ndate: \"2030-01\"\n");
        Files.writeString(root.resolve("2030-01/news/01-fixed.md"), "---\ntitle: Постоянная\n---\nТекст.\n");
        Problems problems = new Problems();
        publication = PublicationLoader.load(root, problems);
        assertTrue(problems.all().isEmpty(), problems.all().toString());
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Provide
    Arbitrary<String> articles() {
        return HostileText.article();
    }

    @Property(tries = 1000)
    void anyFrontMatterLoadsOrReportsLines(@ForAll("articles") String article) throws IOException {
        Path file = root.resolve("2030-01/news/02-generated.md");
        Files.write(file, article.getBytes(StandardCharsets.UTF_8));
        Problems problems = new Problems();
        Issue issue = IssueLoader.load(publication, root.resolve("2030-01"), true, problems);
        assertNotNull(issue, problems.all().toString());
        for (Problem problem : problems.all()) {
            assertTrue(problem.file() != null && problem.file().equals(file), problem.toString());
            assertTrue(problem.line() > 0, "a line of the article: " + problem);
        }
        for (var section : issue.sections()) {
            for (Article a : section.articles()) {
                assertTrue(XmlCharacters.firstInvalid(a.title()) < 0, "a clean title");
                assertTrue(a.lead() == null || XmlCharacters.firstInvalid(a.lead()) < 0, "a clean lead");
            }
        }
    }
}

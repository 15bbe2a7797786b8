package org.digestpress.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.digestpress.BuiltIssue;
import org.digestpress.HostileText;
import org.digestpress.assets.Assets;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.XmlCharacters;
import org.digestpress.problem.Problems;

/**
 * Whatever title {@code digest new article} is given, it either refuses it up front (with the rule
 * the build applies) or writes an article that the build loads without a problem and with exactly
 * that title: quotes, backslashes, colons, {@code #}, a leading {@code -}, line breaks and YAML's
 * own line-break characters included.
 */
class NewArticleTitlePropertiesTest {

    private static Path root;
    private static Publication publication;
    private static Archetypes archetypes;

    @BeforeContainer
    static void publication() throws IOException {
        root = Files.createTempDirectory("digestpress-new-title");
        Files.writeString(root.resolve("publication.yaml"), "title: Т\nlanguage: ru\npublisher:\n  name: И\n"
                + "sections:\n  - id: news\n    title: Новости\n");
        Files.createDirectories(root.resolve("2030-01/news"));
        Files.writeString(root.resolve("2030-01/issue.yaml"), "number: 1\ndate: \"2030-01\"\n");
        Problems problems = new Problems();
        publication = PublicationLoader.load(root, problems);
        assertTrue(problems.all().isEmpty(), problems.all().toString());
        archetypes = new Archetypes(Assets.directory(BuiltIssue.REPO.resolve("templates"), "templates"));
    }

    /** Each try deletes its article, so only what {@link #publication()} made is left. */
    @AfterContainer
    static void cleanUp() throws IOException {
        for (String made : new String[] {"2030-01/news", "2030-01/issue.yaml", "2030-01", "publication.yaml", ""}) {
            Files.delete(root.resolve(made));
        }
    }

    @Provide
    Arbitrary<String> titles() {
        Arbitrary<String> yamlish = Arbitraries.strings()
                .withChars(":#-?!&*|>'\"\\%@`{}[],\n\r\t ~")
                .withChars('\u0085', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\u0001', '\u007F', '\u009F', '\uFFFE')
                .withCharRange('а', 'я').withCharRange('a', 'c')
                .ofMaxLength(30);
        Arbitrary<String> keyword = Arbitraries.of("null", "~", "true", "no", "---", "...", "- x", "? x", "a: b",
                "\\u0041", "\\n", "\"", "'", "#", " # x", "\uD83D\uDE80");
        return Arbitraries.oneOf(yamlish, HostileText.text(), keyword.list().ofMaxSize(4).map(l -> String.join("", l)));
    }

    @Property(tries = 600)
    void whatNewWritesTheBuildReadsBackUnchanged(@ForAll("titles") String title) throws IOException {
        Problems problems = new Problems();
        Path file = archetypes.newArticle(root, "news", title, LocalDate.of(2030, 1, 15), problems);
        if (title.isBlank() || XmlCharacters.firstInvalid(title) >= 0) {
            assertNull(file, "refused up front: " + title);
            assertTrue(problems.hasErrors());
            return;
        }
        assertNotNull(file, problems.all().toString());
        try {
            Problems build = new Problems();
            Issue issue = IssueLoader.load(publication, root.resolve("2030-01"), true, build);
            assertNotNull(issue, build.all().toString());
            assertTrue(build.all().isEmpty(), build.all() + "\n" + Files.readString(file));
            Article article = issue.sections().get(0).articles().get(0);
            assertEquals(title.strip(), article.title(), Files.readString(file));
        } finally {
            Files.delete(file);
        }
    }
}

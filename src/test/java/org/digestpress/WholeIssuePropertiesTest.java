package org.digestpress;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.digestpress.problem.Problem;

/**
 * The whole pipeline on a generated article added to the fixture issue: every run ends with a PDF
 * or with problems that all name a file and a line, never an exception. Most tries stop after the
 * layout, as 'digest check' does; every fifth renders the PDF as well.
 */
class WholeIssuePropertiesTest {

    private static Path root;
    private static Path outputs;
    private int count;

    @BeforeContainer
    static void copyFixture() throws IOException {
        root = Files.createTempDirectory("digestpress-whole");
        outputs = Files.createTempDirectory("digestpress-whole-out");
        try (Stream<Path> files = Files.walk(BuiltIssue.FIXTURE)) {
            for (Path source : files.toList()) {
                Path dest = root.resolve(BuiltIssue.FIXTURE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        deleteTree(root);
        deleteTree(outputs);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
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
        return net.jqwik.api.Combinators.combine(HostileText.text().map(HostileText::quoted), HostileText.body())
                .as((title, body) -> "---\ntitle: " + title + "\nlead: " + title + "\n---\n" + body);
    }

    @Property(tries = 15)
    void everyBuildEndsWithAPdfOrProblemsWithFileAndLine(@ForAll("articles") String article) throws IOException {
        Path file = root.resolve("2030-01/news/03-generated.md");
        Files.write(file, article.getBytes(StandardCharsets.UTF_8));
        boolean write = count++ % 5 == 0;
        Path output = outputs.resolve("issue.pdf");
        Files.deleteIfExists(output);
        BuildRequest base = BuiltIssue.request(root, output);
        BuildResult result = Pipeline.build(new BuildRequest(base.publication(), null, output, false, write,
                base.templates(), base.fonts()));
        for (Problem problem : result.problems()) {
            assertNotNull(problem.file(), "a problem names its file: " + problem);
            assertTrue(problem.line() > 0, "a problem names its line: " + problem);
        }
        if (write && !result.failed()) {
            assertTrue(Files.size(output) > 1000, "a PDF was written");
        }
    }
}

package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest preview} through the real command line. */
class PreviewCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheArticleAloneAndSaysHowManyPages() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path article = cli.publication().resolve("2030-01/research/01-obzor.md");
        Path pdf = cli.root().resolve("out/preview/01-obzor.pdf");
        CliHarness.Outcome outcome = cli.run("preview", article.toString(), "-o", pdf.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertTrue(outcome.out().matches("01-obzor\\.md → .*01-obzor\\.pdf: \\d+ pages?, \\d+ ms\\R"), outcome.out());
        assertTrue(Files.size(pdf) > 1000);

        byte[] good = Files.readAllBytes(pdf);
        Files.writeString(article, Files.readString(article).replaceFirst("title:", "title: [broken"));
        CliHarness.Outcome broken = cli.run("preview", article.toString(), "-o", pdf.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("2030-01/research/01-obzor.md:"), broken.err());
        CliHarness.assertNoJavaNoise(broken);
        assertArrayEquals(good, Files.readAllBytes(pdf), "the last good preview is kept");
    }

    @Test
    void aNewDraftInANewIssueCanBePreviewed() throws IOException {
        CliHarness cli = new CliHarness(temp);
        assertEquals(0, cli.run("new", "issue", "2030-02", "--content", cli.publication().toString()).exit());
        CliHarness.Outcome made = cli.run("new", "article", "news", "Первая новость", "--content",
                cli.publication().toString());
        Path article = cli.publication().resolve("2030-02/news/01-pervaia-novost.md");
        assertTrue(Files.isRegularFile(article), made.out() + made.err());
        Path pdf = cli.root().resolve("draft.pdf");
        CliHarness.Outcome outcome = cli.run("preview", article.toString(), "-o", pdf.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("01-pervaia-novost.md → ") && outcome.out().contains(": 1 page, "),
                outcome.out());
    }

    @Test
    void aFileOutsideTheIssueIsAProblemNotACrash() {
        CliHarness cli = new CliHarness(temp);
        Path stray = cli.publication().resolve("2030-01/notes.md");
        CliHarness.write(stray, "---\ntitle: x\n---\ntext\n");
        CliHarness.Outcome outcome = cli.run("preview", stray.toString(), "-o", cli.root().resolve("p.pdf").toString());
        assertEquals(1, outcome.exit(), outcome.out());
        assertTrue(outcome.err().contains("not an article of the issue"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
    }

    @Test
    void anOutputOntoASourceIsRefusedAsBuildRefusesIt() throws IOException {
        CliHarness cli = new CliHarness(temp);
        // copies, so that a regression could never overwrite the repository's own templates or fonts
        Path templates = temp.resolve("templates");
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(org.digestpress.BuiltIssue.REPO.resolve("templates"), templates);
        Files.createDirectories(fonts);
        Files.copy(org.digestpress.BuiltIssue.REPO.resolve("fonts/PTS55F.ttf"), fonts.resolve("PTS55F.ttf"));
        Path article = cli.publication().resolve("2030-01/research/01-obzor.md");
        Path issue = cli.publication().resolve("2030-01");
        java.util.Map<Path, String> before = cli.snapshot();
        for (Path target : java.util.List.of(article, issue.resolve("issue.yaml"), issue.resolve("images/scheme.svg"),
                cli.publication().resolve("publication.yaml"), issue.resolve("news/new.pdf"),
                templates.resolve("issue.ftlx"), fonts.resolve("PTS55F.ttf"))) {
            String[] assets = {"--templates", templates.toString(), "--fonts", fonts.toString()};
            CliHarness.Outcome preview = cli.run(concat(new String[] {"preview", article.toString(), "-o",
                    target.toString()}, assets));
            CliHarness.Outcome build = cli.run(concat(new String[] {"build", issue.toString(), "-o", target.toString()},
                    assets));
            assertEquals(2, build.exit(), build.err());
            assertEquals(2, preview.exit(), target + ": " + preview.err());
            assertEquals(build.err(), preview.err(), "the same sentence as build's");
            assertTrue(preview.err().contains("a build never writes over its sources"), preview.err());
            CliHarness.assertNoJavaNoise(preview);
        }
        CliHarness.assertUnchanged(before, cli.snapshot());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}

package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digest build --web} writes the web edition only where the PDF may go: never among the
 * sources, also when the edition's folder, a subfolder or a file in it is a link there, and never
 * two sources onto one copy. Each refusal comes before anything is written: exit status 2, a
 * sentence naming the path, every source file and the previous PDF with their bytes.
 */
class WebOutputTest {

    @TempDir
    Path temp;

    private CliHarness harness;
    private Path publication;
    private Path pdf;

    @BeforeEach
    void copyFixture() throws IOException {
        harness = new CliHarness(temp);
        publication = harness.publication();
        pdf = temp.resolve("out/2030-01.pdf");
        CliHarness.write(pdf, "%PDF-1.7 the previous issue\n");
    }

    private CliHarness.Outcome build() {
        return harness.run("build", publication.resolve("2030-01").toString(), "-o", pdf.toString(), "--web");
    }

    /** Runs the build and checks what every refusal must: exit 2, the sentence, no trace, nothing changed. */
    private void assertRefused(String... sentence) {
        Map<Path, String> before = harness.snapshot();
        CliHarness.Outcome outcome = build();
        assertEquals(2, outcome.exit(), outcome.err() + outcome.out());
        for (String part : sentence) {
            assertTrue(outcome.err().contains(part), "expected «" + part + "» in:\n" + outcome.err());
        }
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        assertEquals(before.keySet(), harness.snapshot().keySet(), "no file was added");
    }

    @Test
    void anEditionFolderThatIsALinkToTheIssueFolderIsRefused() throws IOException {
        Files.createSymbolicLink(temp.resolve("out/2030-01"), publication.resolve("2030-01"));
        assertRefused("digest: The web edition's folder " + temp.resolve("out/2030-01") + " is inside the publication "
                + "folder", "through a link");
    }

    @Test
    void anImagesFolderThatIsALinkToTheSourcesIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("out/2030-01"));
        Files.createSymbolicLink(temp.resolve("out/2030-01/images"), publication.resolve("2030-01/images"));
        assertRefused("digest: The web edition's folder " + temp.resolve("out/2030-01/images") + " is inside the "
                + "publication folder");
    }

    @Test
    void aPageThatIsALinkToAnArticleIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("out/2030-01"));
        Files.createSymbolicLink(temp.resolve("out/2030-01/index.html"), publication.resolve("2030-01/news/01-zavod.md"));
        assertRefused("digest: The web edition's file " + temp.resolve("out/2030-01/index.html") + " is inside the "
                + "publication folder", "through a link; a build never writes over its sources.");
    }

    @Test
    void aCopiedImageThatIsALinkToItsSourceIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("out/2030-01/images"));
        Files.createSymbolicLink(temp.resolve("out/2030-01/images/scheme.svg"),
                publication.resolve("2030-01/images/scheme.svg"));
        assertRefused("digest: The web edition's file " + temp.resolve("out/2030-01/images/scheme.svg")
                + " is inside the publication folder", "through a link");
    }

    @Test
    void aFolderWhereThePdfCopyGoesIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("out/2030-01/2030-01.pdf"));
        assertRefused("digest: The web edition's file " + temp.resolve("out/2030-01/2030-01.pdf") + " is a folder");
    }

    @Test
    void aDeviceWhereThePageGoesIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("out/2030-01"));
        Files.createSymbolicLink(temp.resolve("out/2030-01/index.html"), Path.of("/dev/null"));
        assertRefused("digest: The web edition's file " + temp.resolve("out/2030-01/index.html") + " exists and is "
                + "not a regular file");
    }

    @Test
    void aPdfNamedLikeThePageIsRefused() {
        pdf = temp.resolve("out/index.html");
        assertRefused("digest: The PDF " + pdf + " would be copied into the web edition under the name of its page");
    }

    @Test
    void anEditionFolderThatIsAFileIsRefused() throws IOException {
        CliHarness.write(temp.resolve("out/2030-01"), "notes");
        assertRefused("digest: The web edition's folder " + temp.resolve("out/2030-01") + " exists and is not a folder");
    }

    /**
     * With {@code web: true} in publication.yaml and no {@code --web}, the command line cannot know
     * before reading the publication: the build's own check refuses before the PDF is written.
     */
    @Test
    void theBuildChecksTheEditionItselfWhenThePublicationAsksForIt() throws IOException {
        Files.writeString(publication.resolve("publication.yaml"), "\nweb: true\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.createSymbolicLink(temp.resolve("out/2030-01"), publication.resolve("2030-01"));
        Map<Path, String> before = harness.snapshot();
        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o", pdf.toString());
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("error: The web edition's folder " + temp.resolve("out/2030-01")
                + " is inside the publication folder"), outcome.err());
        assertTrue(outcome.err().contains("no PDF was written"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        assertEquals(before.keySet(), harness.snapshot().keySet(), "no file was added");
    }

    /** A link at a file's name that leads outside the sources is replaced by the file, not written through. */
    @Test
    void aLinkToAFileElsewhereIsReplacedNotWrittenThrough() throws IOException {
        Path elsewhere = temp.resolve("elsewhere.html");
        CliHarness.write(elsewhere, "kept");
        Files.createDirectories(temp.resolve("out/2030-01"));
        Files.createSymbolicLink(temp.resolve("out/2030-01/index.html"), elsewhere);
        CliHarness.Outcome outcome = build();
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("kept", Files.readString(elsewhere));
        assertFalse(Files.isSymbolicLink(temp.resolve("out/2030-01/index.html")));
        assertTrue(Files.readString(temp.resolve("out/2030-01/index.html")).contains("<html"));
    }

    /** A.svg and a.svg are two files here and one on a case-insensitive disk or server: each gets its own copy. */
    @Test
    void namesThatDifferOnlyInCaseGetTwoCopies() throws IOException {
        String upper = Files.readString(publication.resolve("2030-01/images/scheme.svg"));
        String lower = upper.replace("#1f4e79", "#7a1f1f");
        CliHarness.write(publication.resolve("2030-01/images/A.svg"), upper);
        CliHarness.write(publication.resolve("2030-01/images/a.svg"), lower);
        CliHarness.write(publication.resolve("2030-01/news/03-case.md"), CliHarness.article("title: Две схемы\n",
                "Текст.\n\n![Первая](../images/A.svg)\n\nЕщё текст.\n\n![Вторая](../images/a.svg)\n"));
        Map<Path, String> before = harness.snapshot();
        before.remove(pdf);

        CliHarness.Outcome outcome = build();

        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        Path images = temp.resolve("out/2030-01/images");
        String page = Files.readString(temp.resolve("out/2030-01/index.html"), StandardCharsets.UTF_8);
        assertEquals(upper, Files.readString(images.resolve("A.svg")));
        assertTrue(page.contains("src=\"images/A.svg\""), "the name keeps its case");
        assertEquals(lower, Files.readString(images.resolve("2-a.svg")));
        assertTrue(page.contains("src=\"images/2-a.svg\""), "the second gets a number");
        assertFalse(Files.exists(images.resolve("a.svg")), "no name that a case-insensitive disk confuses with A.svg");
        assertNotEquals(upper, lower);
    }
}

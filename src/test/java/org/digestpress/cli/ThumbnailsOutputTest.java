package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures of {@code --thumbnails DIR} get the output check of every other file a build writes. */
class ThumbnailsOutputTest {

    @TempDir
    Path temp;

    private CliHarness harness;
    private Path pictures;

    @BeforeEach
    void copyFixture() throws IOException {
        harness = new CliHarness(temp);
        pictures = Files.createDirectories(temp.resolve("pictures"));
        CliHarness.write(temp.resolve("out/2030-01.pdf"), "%PDF-1.7 the previous issue\n");
    }

    private CliHarness.Outcome build() {
        return harness.run("build", harness.publication().resolve("2030-01").toString(), "-o",
                temp.resolve("out/2030-01.pdf").toString(), "--thumbnails", pictures.toString());
    }

    private void assertRefused(String sentence) {
        Map<Path, String> before = harness.snapshot();
        CliHarness.Outcome outcome = build();
        assertEquals(2, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains(sentence), "expected «" + sentence + "» in:\n" + outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
    }

    @Test
    void aPictureThatIsALinkToASourceFileIsRefused() throws IOException {
        Files.createSymbolicLink(pictures.resolve("cover.png"), harness.publication().resolve("brand/logo.svg"));
        assertRefused("digest: The thumbnail " + pictures.resolve("cover.png") + " is inside the publication folder");
    }

    @Test
    void aFolderWhereAPictureGoesIsRefused() throws IOException {
        Files.createDirectories(pictures.resolve("contents.png"));
        assertRefused("digest: The thumbnail " + pictures.resolve("contents.png") + " is a folder");
    }

    @Test
    void aLinkElsewhereIsReplacedAndThePicturesAreReadableLikeAnyNewFile() throws IOException {
        Path elsewhere = temp.resolve("elsewhere.png");
        CliHarness.write(elsewhere, "kept");
        Files.createSymbolicLink(pictures.resolve("cover.png"), elsewhere);
        CliHarness.Outcome outcome = build();
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("kept", Files.readString(elsewhere));
        assertFalse(Files.isSymbolicLink(pictures.resolve("cover.png")));
        Path fresh = Files.createFile(temp.resolve("fresh"));
        assertEquals(Files.getPosixFilePermissions(fresh), Files.getPosixFilePermissions(pictures.resolve("cover.png")),
                "a picture gets the mode of any new file, not a temporary file's 0600");
    }
}

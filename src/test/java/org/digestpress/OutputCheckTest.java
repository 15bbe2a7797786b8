package org.digestpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCheckTest {

    @TempDir
    Path temp;

    private BuildRequest request(Path output) throws IOException {
        Path publication = Files.createDirectories(temp.resolve("publication"));
        Files.createDirectories(publication.resolve("2030-01"));
        return new BuildRequest(publication, publication.resolve("2030-01"), output, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
    }

    @Test
    void aNewFileOutsideTheSourcesIsFine() throws IOException {
        assertEquals(List.of(), OutputCheck.refusals(request(temp.resolve("out/new/issue.pdf")), temp.resolve("pictures")));
    }

    @Test
    void everyOutputIsCheckedAndEveryRefusalReported() throws IOException {
        Path file = Files.writeString(temp.resolve("pictures"), "x");
        BuildRequest request = request(temp.resolve("publication/2030-01/issue.pdf"));
        List<String> refusals = OutputCheck.refusals(request, file);
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("The output " + temp.resolve("publication/2030-01/issue.pdf")
                + " is inside the publication folder"), refusals.get(0));
        assertTrue(refusals.get(1).startsWith("The thumbnails folder " + file + " exists and is not a folder"));
    }

    @Test
    void aCheckWritesNothingSoOnlyTheIssueFolderMatters() throws IOException {
        BuildRequest r = request(null);
        BuildRequest check = new BuildRequest(r.publication(), temp.resolve("publication/2031-01"), null, false, false,
                r.templates(), r.fonts());
        assertEquals(List.of("The issue folder " + temp.resolve("publication/2031-01") + " does not exist."),
                OutputCheck.refusals(check, null));
    }
}

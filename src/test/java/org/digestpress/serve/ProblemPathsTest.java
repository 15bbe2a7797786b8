package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem of a publication outside the working folder names that very file in /status.json. */
class ProblemPathsTest {

    @TempDir
    Path temp;

    @Test
    void aPublicationElsewhereIsNamedByItsAbsolutePath() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        Files.writeString(article, Files.readString(article).replaceFirst("title:", "title: [broken"));
        try (PreviewServer server = ServedFixture.serve(publication)) {
            String json = ServedFixture.status(server);
            Matcher file = Pattern.compile("\"file\":\"([^\"]+)\"").matcher(json);
            assertTrue(file.find(), json);
            assertEquals(article.toAbsolutePath().normalize().toString(), file.group(1),
                    "the path names the file that has the problem, wherever the server was started");
        }
    }
}

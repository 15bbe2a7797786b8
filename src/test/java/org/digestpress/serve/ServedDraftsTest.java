package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest serve} shows drafts (a new issue whose only article is a draft included), marked. */
class ServedDraftsTest {

    @TempDir
    Path temp;

    @Test
    void aNewIssueOfOneDraftIsServed() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path issue = Files.createDirectories(publication.resolve("2030-02/news"));
        Files.writeString(issue.resolve("../issue.yaml"), "number: 2\ndate: \"2030-02\"\n");
        Files.writeString(issue.resolve("01-pervaia-novost.md"),
                "---\ntitle: \"Первая новость\"\ndraft: true\n---\nТекст новости.\n");
        try (PreviewServer server = PreviewServer.start(PreviewServer.IssueBuilder.of(Pipeline.workspace()),
                ServedFixture.request(publication), List.of(publication), List.of(), 0,
                HttpListener.Limits.DEFAULT)) {
            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.address().resolve("/status.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            String json = status.body();
            assertTrue(json.contains("\"ok\":true") && json.contains("\"issue\":\"2030-02\""), json);
            assertTrue(json.contains("\"title\":\"Первая новость\""), "the draft is in the contents: " + json);
            assertTrue(json.contains("\"problems\":[]"), "no word of drafts left out: " + json);
        }
    }
}

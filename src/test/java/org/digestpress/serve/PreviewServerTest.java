package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented endpoints, and nothing else, over plain HTTP. */
class PreviewServerTest {

    @TempDir
    Path temp;

    @Test
    void answersTheDocumentedEndpointsAndNothingElse() throws Exception {
        // Counts the builds by kind: serve's own are for the screen, the download's is the issue's.
        java.util.concurrent.atomic.AtomicInteger screenBuilds = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger issueBuilds = new java.util.concurrent.atomic.AtomicInteger();
        org.digestpress.engine.Workspace workspace = org.digestpress.Pipeline.workspace();
        BuildRunner counting = new BuildRunner() {
            @Override
            public org.digestpress.engine.Workspace.IssueBuild build(org.digestpress.BuildRequest request) {
                (request.screen() ? screenBuilds : issueBuilds).incrementAndGet();
                return workspace.buildIssue(request);
            }

            @Override
            public void reset() {
                workspace.reset();
            }
        };
        Path publication = ServedFixture.copy(temp);
        try (PreviewServer server = PreviewServer.start(counting, ServedFixture.request(publication), List.of(publication),
                List.of(), 0, HttpListener.Limits.DEFAULT)) {
            URI base = server.address();
            assertEquals("127.0.0.1", base.getHost());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> status = http.send(HttpRequest.newBuilder(base.resolve("/status.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            String json = status.body();
            assertTrue(json.matches("\\{\"build\":1,\"ok\":true,\"building\":false,\"kept\":false,\"ms\":\\d+,\"cpuMs\":\\d+,\"pages\":10,\"issue\":\"2030-01\".*"),
                    json);
            assertTrue(json.contains("\"problems\":[]"), json);
            // Page 6 holds a section heading, the first article, then this one: it begins a quarter down the page.
            java.util.regex.Matcher place = Pattern.compile(
                    "\\{\"kind\":\"article\",\"title\":\"Реестр кластеров пополнился\",\"page\":6,\"y\":(0\\.\\d+)}")
                    .matcher(json);
            assertTrue(place.find(), json);
            double y = Double.parseDouble(place.group(1));
            assertTrue(y > 0.15 && y < 0.6, "where the article begins on its page: " + y);
            assertTrue(json.matches("(?s).*\"hashes\":\\[(\"[0-9a-f]{24}\",){9}\"[0-9a-f]{24}\"].*"),
                    "one content hash per page: " + json);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("new EventSource(\"/events?page=\""), "the page follows the builds");
            assertTrue(!page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from outside the machine");

            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(base.resolve("/pages/2.png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            int width = ImageIO.read(new ByteArrayInputStream(png.body())).getWidth();
            assertTrue(Math.abs(width - 794) <= 1, "A4 (210 mm) at 96 dpi is 794 pixels wide, not " + width);

            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(base.resolve("/issue.pdf")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            // serve builds for the screen (no structure tree); the download is the issue's own PDF, tagged
            try (org.apache.pdfbox.pdmodel.PDDocument downloaded = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                assertEquals(10, downloaded.getNumberOfPages());
                assertTrue(downloaded.getDocumentCatalog().getStructureTreeRoot() != null,
                        "the downloaded PDF has the tags for screen readers");
            }
            Path built = temp.resolve("built.pdf");
            org.digestpress.Pipeline.build(ServedFixture.request(temp.resolve("publication")).writing(built));
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(built), pdf.body()),
                    "the download is byte for byte what digest build writes");
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(base.resolve("/issue.pdf")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(java.util.Arrays.equals(pdf.body(), again.body()));
            assertEquals(1, screenBuilds.get(), "serve's own build is for the screen");
            assertEquals(1, issueBuilds.get(), "the issue's PDF is made once per shown build");

            for (String path : List.of("/pages/11.png", "/pages/0.png", "/pages/1.jpg", "/publication.yaml",
                    "/2030-01/issue.yaml", "/pages/../publication.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/index.html",
                    "/status.json/x", "/events/../issue.pdf.bak")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, answer.statusCode(), path);
            }
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("/status.json"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, post.statusCode());
        }
    }

    /** Page hashes leave the fonts out (a subset changes with any text), so a replaced font file must change them all. */
    @Test
    void aReplacedFontGivesEveryPageANewHash() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path fonts = org.digestpress.engine.WorkspaceTest.copy(org.digestpress.BuiltIssue.REPO.resolve("fonts"), temp.resolve("fonts"));
        org.digestpress.BuildRequest served = ServedFixture.request(publication);
        org.digestpress.BuildRequest request = new org.digestpress.BuildRequest(served.publication(), served.issue(),
                served.output(), served.drafts(), served.write(), served.templates(),
                org.digestpress.assets.Assets.directory(fonts));
        try (PreviewServer server = PreviewServer.start(org.digestpress.Pipeline.workspace(), request,
                List.of(publication, fonts), List.of(fonts), 0)) {
            List<String> before = server.status().hashes();
            java.nio.file.Files.write(fonts.resolve("PTF55F.ttf"), java.nio.file.Files.readAllBytes(fonts.resolve("PTF55F.ttf")));
            long until = System.nanoTime() + 120_000_000_000L;
            while (server.status().build() < 2 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertEquals(2, server.status().build(), "the replaced font was seen");
            List<String> after = server.status().hashes();
            assertEquals(before.size(), after.size());
            for (int i = 0; i < after.size(); i++) {
                assertTrue(!after.get(i).equals(before.get(i)), "page " + (i + 1) + " is drawn again");
            }
        }
    }
}

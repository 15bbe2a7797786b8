package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.digestpress.BuildRequest;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve listens before its first build is done: the browser opens and loads the page meanwhile,
 * the page says the issue is being built, and the picture the page announced it will ask for
 * first is drawn as soon as the build is done, once, before it is asked for.
 */
class FirstBuildTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path temp;

    @Test
    void thePageLoadsWhileTheFirstBuildRunsAndItsFirstPictureIsDrawnAhead() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Workspace workspace = Pipeline.workspace();
        CountDownLatch mayBuild = new CountDownLatch(1);
        PreviewServer.IssueBuilder held = new PreviewServer.IssueBuilder() {
            @Override
            public Workspace.IssueBuild build(BuildRequest request) {
                try {
                    mayBuild.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return workspace.buildIssue(request);
            }

            @Override
            public void reset() {
                workspace.reset();
            }
        };
        CompletableFuture<URI> listening = new CompletableFuture<>();
        PreviewServer.Settings settings = new PreviewServer.Settings(null, s -> { }, false, listening::complete);
        CompletableFuture<PreviewServer> started = CompletableFuture.supplyAsync(() -> {
            try {
                return PreviewServer.start(held, ServedFixture.request(publication), List.of(publication), List.of(), 0,
                        HttpListener.Limits.DEFAULT, settings);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int port = listening.get(60, TimeUnit.SECONDS).getPort();
        try {
            String status = RawHttp.get(port, "/status.json", List.of(RawHttp.host(port))).text();
            assertTrue(status.contains("\"build\":0") && status.contains("\"building\":true"), status);
            RawHttp.Reply page = RawHttp.get(port, "/", List.of(RawHttp.host(port)));
            assertEquals(200, page.status());
            assertTrue(page.text().contains("\"building\":true"), "the page starts from the building status");
            assertEquals(404, RawHttp.get(port, "/pages/1.png", List.of(RawHttp.host(port))).status());
            assertEquals(404, RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port))).status());
            assertTrue(!started.isDone(), "start() returns when the first build is done");

            try (Socket events = RawHttp.open(port)) {
                // As the page connects: the picture it will show first, page 1 at 300 pixels.
                events.getOutputStream().write(("GET /events?page=1&w=300 HTTP/1.1\r\n" + RawHttp.host(port) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                RawHttp.read(events.getInputStream(), false);
                mayBuild.countDown();
                PreviewServer server = started.get(120, TimeUnit.SECONDS);
                assertTrue(server.status().ok(), String.valueOf(server.status().problems()));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.picturesDrawn() == 0 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertEquals(1, server.picturesDrawn(), "page 1 is drawn without being asked for");
                RawHttp.Reply picture = RawHttp.get(port, "/pages/1.png?w=300", List.of(RawHttp.host(port)));
                assertEquals(200, picture.status());
                assertArrayEquals(PNG, Arrays.copyOf(picture.body(), 4));
                assertEquals(1, server.picturesDrawn(), "the page's request is answered with the picture drawn ahead");
                RawHttp.get(port, "/pages/1.png?w=320", List.of(RawHttp.host(port)));
                assertEquals(2, server.picturesDrawn(), "another width is another drawing");
            }
        } finally {
            mayBuild.countDown();
            started.get(120, TimeUnit.SECONDS).close();
        }
    }
}

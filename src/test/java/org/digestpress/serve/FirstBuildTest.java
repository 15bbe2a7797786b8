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
import org.digestpress.pdf.DrawnPage;
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
        CountDownLatch mayBuild = new CountDownLatch(1);
        CompletableFuture<URI> listening = new CompletableFuture<>();
        CompletableFuture<PreviewServer> started = startLater(held(mayBuild, 0), publication, listening, null);
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
                assertEquals(1, until(server::picturesDrawn, n -> n > 0), "page 1 is drawn without being asked for");
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

    /**
     * With nothing shown yet, the page the browser opens at is drawn as soon as the build has
     * drawn it: the page is told (an {@code early} event) and fetches it while the build goes on.
     * Once the build is shown, that picture is the page's picture of its hash: not drawn again.
     */
    @Test
    void thePageInViewIsShownWhileTheFirstBuildGoesOnAndIsNotDrawnAgain() throws Exception {
        Path publication = ServedFixture.copy(temp);
        CountDownLatch mayBuild = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        BuildRunner runner = heldAround(mayBuild, 1, mayFinish); // the build stops after page 2 until the test has looked
        CompletableFuture<URI> listening = new CompletableFuture<>();
        CompletableFuture<PreviewServer> started = startLater(runner, publication, listening, null);
        int port = listening.get(60, TimeUnit.SECONDS).getPort();
        try (Socket events = RawHttp.open(port)) {
            events.getOutputStream().write(("GET /events?page=2&w=300 HTTP/1.1\r\n" + RawHttp.host(port) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.read(events.getInputStream(), false);
            mayBuild.countDown();
            String said = readUntil(events, "event: early");
            assertTrue(said.contains("\"page\":2") && said.contains("\"w\":300"), said);
            RawHttp.Reply early = RawHttp.get(port, "/early.png", List.of(RawHttp.host(port)));
            assertEquals(200, early.status());
            assertArrayEquals(PNG, Arrays.copyOf(early.body(), 4));
            String status = RawHttp.get(port, "/status.json", List.of(RawHttp.host(port))).text();
            assertTrue(status.contains("\"build\":0") && status.contains("\"building\":true"),
                    "the picture is there while the build goes on: " + status);
            mayFinish.countDown();
            PreviewServer server = started.get(120, TimeUnit.SECONDS);
            assertTrue(server.status().ok(), String.valueOf(server.status().problems()));
            assertTrue(readUntil(events, "\"build\":1").indexOf("event: early") < 0, "one early event, before the build");
            assertEquals(1, server.picturesDrawn());
            RawHttp.Reply picture = RawHttp.get(port, "/pages/2.png?w=300", List.of(RawHttp.host(port)));
            assertEquals(200, picture.status());
            assertArrayEquals(early.body(), picture.body(), "page 2 of the build is the picture drawn early");
            assertEquals(1, server.picturesDrawn(), "and it was not drawn again");
        } finally {
            mayBuild.countDown();
            mayFinish.countDown();
            started.get(120, TimeUnit.SECONDS).close();
        }
    }

    /** What the stream says from now until {@code text} has come (a minute at most). */
    private static String readUntil(Socket stream, String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!said.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < until) {
            try {
                int n = stream.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                said.write(buffer, 0, n);
            } catch (java.net.SocketTimeoutException e) {
                // keep waiting until the minute is over
            }
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRestartWithNothingChangedShowsTheKeptPagesWhileItBuildsAndFetchesNothingAgain() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path cache = temp.resolve("cache");
        List<String> kept = serveOnce(publication, cache);
        assertEquals(10, kept.size());
        CountDownLatch mayBuild = new CountDownLatch(1);
        CompletableFuture<URI> listening = new CompletableFuture<>();
        CompletableFuture<PreviewServer> started = startLater(held(mayBuild, 0), publication, listening, cache);
        try {
            int port = listening.get(60, TimeUnit.SECONDS).getPort();
            String status = until(() -> RawHttp.get(port, "/status.json", List.of(RawHttp.host(port))).text(),
                    json -> json.contains("\"kept\":true"));
            assertTrue(status.contains("\"build\":0") && status.contains("\"kept\":true")
                    && status.contains("\"pages\":10") && status.contains("\"building\":true"), status);
            assertTrue(!started.isDone(), "the kept pages are shown while the first build waits");
            RawHttp.Reply picture = RawHttp.get(port, "/pages/1.png?w=200", List.of(RawHttp.host(port)));
            assertEquals(200, picture.status());
            assertArrayEquals(PNG, Arrays.copyOf(picture.body(), 4));
            assertEquals(200, RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port))).status());
            // the kept source map: a line's page is known before the first build is done
            String article = java.net.URLEncoder.encode(publication.resolve("2030-01/news/01-zavod.md").toString(),
                    java.nio.charset.StandardCharsets.UTF_8);
            RawHttp.Reply where = RawHttp.get(port, "/where?file=" + article + "&line=15", List.of(RawHttp.host(port)));
            assertEquals(200, where.status(), where.text());
            assertEquals("{\"page\":4}", where.text().replace(" ", ""));
            mayBuild.countDown();
            PreviewServer server = started.get(120, TimeUnit.SECONDS);
            assertEquals(1, server.status().build());
            assertEquals(kept, server.status().hashes(), "the first build gives the kept pages: nothing to fetch again");
        } finally {
            mayBuild.countDown();
            started.get(120, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void anEditWhileStoppedShowsNothingKept() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path cache = temp.resolve("cache");
        serveOnce(publication, cache);
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        java.nio.file.Files.writeString(article, java.nio.file.Files.readString(article) + "\nПравка.\n");
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        // 1.5 s before building: time for a kept build to be shown, if it wrongly were
        CompletableFuture<PreviewServer> started = startLater(held(new CountDownLatch(0), 1500), publication, listening, cache);
        try {
            int port = listening.get(60, TimeUnit.SECONDS).getPort();
            while (!started.isDone()) {
                seen.add(RawHttp.get(port, "/status.json", List.of(RawHttp.host(port))).text());
                Thread.sleep(50);
            }
            assertTrue(seen.size() > 5 && seen.stream().noneMatch(s -> s.contains("\"kept\":true")),
                    "an edit made while serve was stopped: nothing kept is shown");
        } finally {
            started.get(120, TimeUnit.SECONDS).close();
        }
    }

    /**
     * The workspace's builds, told of their pages: each waits for {@code mayBuild} first, and
     * again for {@code mayFinish} once page {@code index} (0 for the first) is drawn and the
     * server was told of it.
     */
    static BuildRunner heldAround(CountDownLatch mayBuild, int index, CountDownLatch mayFinish) {
        Workspace workspace = Pipeline.workspace();
        return new BuildRunner() {
            @Override
            public Workspace.IssueBuild build(BuildRequest request) {
                throw new AssertionError("the first build is told of its pages");
            }

            @Override
            public Workspace.IssueBuild build(BuildRequest request, java.util.function.Consumer<DrawnPage> drawn) {
                await(mayBuild);
                return workspace.buildIssue(request, page -> {
                    drawn.accept(page);
                    if (page.index() == index) {
                        await(mayFinish);
                    }
                });
            }

            @Override
            public void reset() {
                workspace.reset();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The workspace's builds, each waiting for {@code mayBuild} (and {@code delayMillis}) first. */
    private static BuildRunner held(CountDownLatch mayBuild, long delayMillis) {
        Workspace workspace = Pipeline.workspace();
        return new BuildRunner() {
            @Override
            public Workspace.IssueBuild build(BuildRequest request) {
                try {
                    mayBuild.await();
                    Thread.sleep(delayMillis);
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
    }

    /** Starts a server on another thread (start() returns after the first build); {@code listening} hears its address. */
    static CompletableFuture<PreviewServer> startLater(BuildRunner builder, Path publication,
                                                               CompletableFuture<URI> listening, Path cache) {
        ServeSettings settings = new ServeSettings(null, s -> { }, false, listening::complete, cache);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return PreviewServer.start(builder, ServedFixture.request(publication), List.of(publication), List.of(), 0,
                        HttpListener.Limits.DEFAULT, settings);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Serves the publication once, keeping its build in {@code cache}; answers the pages' hashes. */
    private static List<String> serveOnce(Path publication, Path cache) throws java.io.IOException {
        try (PreviewServer first = PreviewServer.start(BuildRunner.of(Pipeline.workspace()),
                ServedFixture.request(publication), List.of(publication), List.of(), 0, HttpListener.Limits.DEFAULT,
                new ServeSettings(null, s -> { }, false, a -> { }, cache))) {
            assertTrue(first.status().ok());
            return first.status().hashes();
        }
    }

    /** What {@code poll} answers once {@code done} holds for it, or after a minute. */
    private static <T> T until(java.util.concurrent.Callable<T> poll, java.util.function.Predicate<T> done) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        T value = poll.call();
        while (!done.test(value) && System.nanoTime() < until) {
            Thread.sleep(20);
            value = poll.call();
        }
        return value;
    }
}

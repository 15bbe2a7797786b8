package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and many clients: they cost sockets, never threads; they are dropped after their time; and
 * {@code /status.json} keeps answering while they hang on. The limits are the shipped ones except
 * the timeouts, shortened so that the test waits seconds, not tens of seconds.
 */
class SlowClientsTest {

    private static final HttpListener.Limits LIMITS = new HttpListener.Limits(256, 64, 2, 64, Duration.ofSeconds(6),
            Duration.ofSeconds(2), Duration.ofSeconds(1), 16 * 1024, 1 << 20);
    /**
     * How soon {@code /status.json} must answer: a bound on waiting, well below the head time, so a
     * server that answers only once the unfinished requests time out cannot pass, while a machine
     * busy with other builds (a load of 20 on two cores was seen) leaves room.
     */
    private static final long PROMPT_MILLIS = 3000;

    @TempDir
    Path temp;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private PreviewServer start() throws IOException {
        return ServedFixture.serve(temp, LIMITS);
    }

    /** Milliseconds {@code /status.json} took to answer in full. */
    private static long statusMillis(int port) throws IOException {
        long start = System.nanoTime();
        RawHttp.Reply status = RawHttp.get(port, "/status.json", List.of(RawHttp.host(port)));
        assertEquals(200, status.status());
        assertTrue(status.text().startsWith("{\"build\":"), status.text());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("digest-")).count();
    }

    @Test
    void unfinishedRequestsNeitherHoldThreadsNorBlockTheStatusAndAreDropped() throws Exception {
        try (PreviewServer server = start()) {
            int port = server.address().getPort();
            long threadsBefore = serverThreads();
            // More half-sent request lines than the server keeps connections: the oldest make room.
            for (int i = 0; i < 300; i++) {
                Socket socket = RawHttp.open(port);
                sockets.add(socket);
                socket.getOutputStream().write("GET /issue.pdf HT".getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < 3; i++) {
                long millis = statusMillis(port);
                assertTrue(millis < PROMPT_MILLIS, "/status.json took " + millis + " ms among 300 unfinished requests");
            }
            assertTrue(serverThreads() <= threadsBefore + LIMITS.workers(),
                    "threads: " + serverThreads() + ", before: " + threadsBefore);
            // Each is closed by the server without an answer within the head time (6 s) and a margin.
            long deadline = System.nanoTime() + LIMITS.head().plusSeconds(6).toNanos();
            for (Socket socket : sockets) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                assertTrue(left > 0 && RawHttp.closedSilently(socket, left), "an unfinished request was kept open");
            }
            assertTrue(statusMillis(port) < PROMPT_MILLIS);
        }
    }

    @Test
    void eventStreamsAreCappedAndFollowBuildsAndTheStatusStillAnswers() throws Exception {
        try (PreviewServer server = start()) {
            int port = server.address().getPort();
            int accepted = 0;
            int refused = 0;
            List<Socket> streams = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Socket socket = RawHttp.open(port);
                sockets.add(socket);
                socket.getOutputStream().write(("GET /events HTTP/1.1\r\n" + RawHttp.host(port) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                RawHttp.Reply reply = RawHttp.read(socket.getInputStream(), false);
                if (reply.status() == 200) {
                    accepted++;
                    streams.add(socket);
                    assertEquals("text/event-stream; charset=utf-8", reply.headers().get("content-type"));
                } else {
                    refused++;
                    assertEquals(503, reply.status());
                    assertEquals("Too many pages of this server are open; close some and reload.\n",
                            new String(reply.body(), StandardCharsets.UTF_8));
                }
            }
            assertEquals(64, accepted);
            assertEquals(16, refused);
            assertTrue(statusMillis(port) < PROMPT_MILLIS);

            // Every open stream hears of the next build (after the current status it starts with).
            Path article = temp.resolve("publication/2030-01/news/01-zavod.md");
            Files.writeString(article, Files.readString(article).replace("завод двигателей", "завод моторов"));
            for (Socket socket : streams) {
                socket.setSoTimeout(120_000);
                waitFor(socket.getInputStream(), "\"build\":2,");
            }

            // Pages that close free their places at once: the server sees them go.
            for (Socket socket : streams.subList(0, 10)) {
                socket.close();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int reopened = 0;
            while (reopened < 10 && System.nanoTime() < deadline) {
                Socket socket = RawHttp.open(port);
                sockets.add(socket);
                socket.getOutputStream().write(("GET /events HTTP/1.1\r\n" + RawHttp.host(port) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                if (RawHttp.read(socket.getInputStream(), false).status() == 200) {
                    reopened++;
                } else {
                    Thread.sleep(100);
                }
            }
            assertEquals(10, reopened);
        }
    }

    @Test
    void aClientThatStopsReadingIsDropped() throws Exception {
        try (PreviewServer server = start()) {
            int port = server.address().getPort();
            int pdf = RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port))).body().length;
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                // 200 requests in one go, then no reading: the answers pile up until the server gives up.
                String one = "GET /issue.pdf HTTP/1.1\r\n" + RawHttp.host(port) + "\r\n\r\n";
                socket.getOutputStream().write(one.repeat(200).getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(LIMITS.stall().toMillis() + 2000);
                assertTrue(statusMillis(port) < PROMPT_MILLIS);
                socket.setSoTimeout(10_000);
                long received = 0;
                try {
                    received = socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (SocketException e) {
                    // reset by the server: dropped as well
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the server kept writing to a client that does not read", e);
                }
                assertTrue(received < 200L * pdf, received + " bytes of " + 200L * pdf);
            }
        }
    }

    /** Reads the stream until {@code text} has come. */
    private static void waitFor(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (!seen.toString().contains(text)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("the stream ended before " + text + ": " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }
}

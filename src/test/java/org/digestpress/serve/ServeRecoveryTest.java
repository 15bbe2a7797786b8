package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.digestpress.engine.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server outlives what goes wrong around it: a build that throws anything (a stack overflow, no
 * memory left, a bug) is a failed build with a plain sentence in the page and {@code /status.json};
 * a publication folder deleted and copied back is watched again.
 */
class ServeRecoveryTest {

    /** What a user must never see: the name of a Java exception, error or package, or a stack frame. */
    private static final Pattern JAVA_NOISE = Pattern.compile("Exception|[a-z]Error\\b|Throwable|java\\.|\\tat ");
    private static final long PATIENCE_MILLIS = 120_000;

    @TempDir
    Path temp;

    @Test
    void aBuildThatThrowsAnythingIsAFailedBuildAndTheServerGoesOn() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        Workspace workspace = Pipeline.workspace();
        // What the next build does instead of building: a real overflow, a real failed allocation, a bug.
        AtomicReference<Runnable> sabotage = new AtomicReference<>();
        BuildRunner builder = new BuildRunner() {
            @Override
            public Workspace.IssueBuild build(BuildRequest request) {
                Runnable bad = sabotage.get();
                if (bad != null) {
                    bad.run();
                }
                return workspace.buildIssue(request);
            }

            @Override
            public void reset() {
                workspace.reset();
            }
        };
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            try (PreviewServer server = PreviewServer.start(builder, ServedFixture.request(publication), List.of(publication), List.of(),
                    0, HttpListener.Limits.DEFAULT)) {
                int port = server.address().getPort();
                assertTrue(status(port).contains("\"ok\":true"));
                byte[] goodPdf = RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port))).body();

                List<Runnable> failures = List.of(
                        () -> overflow(0),
                        () -> {
                            long[] tooMuch = new long[Integer.MAX_VALUE - 8];
                            tooMuch[0] = 1;
                        },
                        () -> {
                            throw new IllegalStateException("java.io.UncheckedIOException: deep inside");
                        },
                        () -> {
                            throw new LinkageError("a class that cannot load");
                        });
                List<String> sentences = List.of("nested or repeated too deeply", "ran out of memory",
                        "stopped unexpectedly", "stopped unexpectedly");
                int build = 1;
                for (int i = 0; i < failures.size(); i++) {
                    sabotage.set(failures.get(i));
                    touch(article, i);
                    build = waitForBuild(port, build);
                    String json = status(port);
                    assertTrue(json.contains("\"ok\":false"), json);
                    assertTrue(json.contains(sentences.get(i)), json);
                    assertTrue(json.contains("The pages shown are from the last good build."), json);
                    // The file saved just before is named (relative to the working folder when below it).
                    assertTrue(json.contains("01-zavod.md\",\"line\":0"), json);
                    assertTrue(json.contains("It happened after this file was saved."), json);
                    assertFalse(JAVA_NOISE.matcher(json).find(), json);
                    String page = RawHttp.get(port, "/", List.of(RawHttp.host(port))).text();
                    assertTrue(page.contains(sentences.get(i)));
                    assertFalse(JAVA_NOISE.matcher(page).find(), "the page names a Java class");
                    // The last good PDF is still there.
                    assertEquals(goodPdf.length, RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port))).body().length);
                }
                sabotage.set(null);
                touch(article, 9);
                build = waitForBuild(port, build);
                assertTrue(status(port).contains("\"ok\":true"), status(port));

                // The real thing: a separator pasted from an e-mail overflowed the stack of the pipeline
                // (issue 16). Whether the pipeline now reports it itself or the server catches it, the
                // server answers, and nothing names a Java class.
                String original = Files.readString(article);
                Files.writeString(article, original + "\n" + "-".repeat(3000) + "\n");
                build = waitForBuild(port, build);
                String json = status(port);
                assertFalse(JAVA_NOISE.matcher(json).find(), json);
                assertFalse(JAVA_NOISE.matcher(RawHttp.get(port, "/", List.of(RawHttp.host(port))).text()).find());
                Files.writeString(article, original);
                waitForBuild(port, build);
                assertTrue(status(port).contains("\"ok\":true"), status(port));
            }
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertFalse(JAVA_NOISE.matcher(output).find(), output);
    }

    @Test
    void aPublicationDeletedAndCopiedBackIsWatchedAgain() throws Exception {
        Path publication = ServedFixture.copy(temp);
        try (PreviewServer server = PreviewServer.start(Pipeline.workspace(), ServedFixture.request(publication), List.of(publication),
                List.of(), 0)) {
            int port = server.address().getPort();
            assertTrue(status(port).contains("\"ok\":true"));

            delete(publication);
            int build = waitForBuild(port, 1); // the build without a publication fails, and says so
            assertTrue(status(port).contains("\"ok\":false"), status(port));

            // Copied back (as a backup or a checkout puts it), with an edit.
            Path staging = WorkspaceTest.copy(BuiltIssue.FIXTURE, temp.resolve("staging"));
            Path staged = staging.resolve("2030-01/news/01-zavod.md");
            Files.writeString(staged, Files.readString(staged).replace("В Калуге открылся завод двигателей",
                    "В Калуге открылся завод после переезда"));
            WorkspaceTest.copy(staging, publication);
            waitUntil(port, json -> json.contains("\"ok\":true") && json.contains("завод после переезда"));

            // And the folders inside the new copy are watched too.
            Path article = publication.resolve("2030-01/news/01-zavod.md");
            Files.writeString(article, Files.readString(article).replace("завод после переезда", "завод в новом здании"));
            waitUntil(port, json -> json.contains("\"ok\":true") && json.contains("завод в новом здании"));
        }
    }

    private static void overflow(int depth) {
        overflow(depth + 1);
    }

    private static void touch(Path article, int round) throws IOException {
        Files.writeString(article, Files.readString(article) + "\n<!-- " + round + " -->\n");
    }

    private static String status(int port) throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, "/status.json", List.of(RawHttp.host(port)));
        assertEquals(200, reply.status());
        return reply.text();
    }

    /** Waits for a build after {@code after}; answers its number. */
    private static int waitForBuild(int port, int after) throws Exception {
        Pattern number = Pattern.compile("^\\{\"build\":(\\d+),");
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            var m = number.matcher(status(port));
            if (m.find() && Integer.parseInt(m.group(1)) > after) {
                Thread.sleep(500); // a burst may bring one more build: let it finish
                m = number.matcher(status(port));
                m.find();
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no build after build " + after + ": " + status(port));
    }

    private static void waitUntil(int port, Predicate<String> done) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        // No-break spaces (the typesetter ties short words to the next) count as spaces.
        while (!done.test(status(port).replace('\u00a0', ' ').replace('\u202f', ' '))) {
            assertTrue(System.currentTimeMillis() < deadline, "never came: " + status(port));
            Thread.sleep(100);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

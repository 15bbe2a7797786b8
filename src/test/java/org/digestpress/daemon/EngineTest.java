package org.digestpress.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident engine as users meet it: the {@code digest} launcher run as a process in a copy
 * of the repository, each test with its own runtime folder and engines it stops at the end.
 */
class EngineTest {

    private static final String ARTICLE = "content/2025-06/events/01-moskva-klastery.md";

    @TempDir
    Path temp;

    /** The first build runs in-process and leaves an engine; later builds run there, byte for byte the same. */
    @Test
    void engineAndInProcessBuildsGiveTheSameBytesAlsoAfterAnEditAndItsRevert() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            LauncherHome.Run first = home.run("build", "-o", "out/first.pdf");
            assertEquals(0, first.exit(), first.err());
            home.awaitEngine(0);
            byte[] original = sameBytesBothWays(home, 1, "a");

            Path article = article(home);
            String text = Files.readString(article);
            Files.writeString(article, text + "\nОдин новый абзац, дописанный редактором после первой сборки.\n");
            byte[] edited = sameBytesBothWays(home, 2, "b");
            assertFalse(java.util.Arrays.equals(original, edited), "the edit shows in the PDF");

            Files.writeString(article, text);
            byte[] reverted = sameBytesBothWays(home, 3, "c");
            assertArrayEquals(original, reverted, "after the revert the PDF is the original again");
            assertArrayEquals(original, Files.readAllBytes(home.home().resolve("out/first.pdf")));
        }
    }

    /** Builds with the engine and with --no-daemon; returns the bytes, after checking the engine did build. */
    private static byte[] sameBytesBothWays(LauncherHome home, int commands, String name) throws Exception {
        LauncherHome.Run engine = home.run("build", "-o", "out/" + name + "-engine.pdf");
        assertEquals(0, engine.exit(), engine.err());
        home.awaitEngine(commands);
        LauncherHome.Run alone = home.run("build", "--no-daemon", "-o", "out/" + name + "-alone.pdf");
        assertEquals(0, alone.exit(), alone.err());
        assertEquals(engine.out().replace("-engine.pdf", ".pdf").replaceAll(", [0-9.]+ s,", ","),
                alone.out().replace("-alone.pdf", ".pdf").replaceAll(", [0-9.]+ s,", ","),
                "the same summary line, with the path as given");
        Path built = home.home().resolve("out/" + name + "-engine.pdf");
        Path alonePdf = home.home().resolve("out/" + name + "-alone.pdf");
        byte[] bytes = Files.readAllBytes(built);
        assertArrayEquals(Files.readAllBytes(alonePdf), bytes);
        assertEquals(Files.getPosixFilePermissions(alonePdf), Files.getPosixFilePermissions(built),
                "the engine writes with the client's umask, as the in-process run does");
        home.awaitEngine(commands); // the --no-daemon build did not go to the engine
        return bytes;
    }

    /** Problems, paths in them, the two streams and the exit status: as in-process. */
    @Test
    void diagnosticsStreamsAndExitStatusAreThoseOfAnInProcessRun() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            Path article = article(home);
            Files.writeString(article, Files.readString(article).replaceFirst("title:", "titel: x\ntitle:")
                    + "\n![](../images/missing-picture.png)\n");
            for (List<String> args : List.of(List.of("check"), List.of("build", "-o", "out/x.pdf"),
                    List.of("build", "content/2099-01"), List.of("check", "--bogus"),
                    List.of("preview", ARTICLE, "-o", "out/p.pdf"), List.of("build", "--help"))) {
                LauncherHome.Run engine = home.run(args.toArray(String[]::new));
                LauncherHome.Run alone = home.run(withNoDaemon(args));
                assertEquals(alone, engine, "digest " + args);
            }
            home.awaitEngine(6);
            LauncherHome.Run failed = home.run("check");
            assertEquals(1, failed.exit());
            assertTrue(failed.err().contains(ARTICLE.substring("content/".length())), failed.err());
            assertTrue(failed.err().contains("error"), failed.err());
            assertEquals("", failed.out());
        }
    }

    private static String[] withNoDaemon(List<String> args) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(1, "--no-daemon");
        return all.toArray(String[]::new);
    }

    /** Only the user who started it can reach it: private files, and a connection without the token is refused. */
    @Test
    void onlyTheTokenOpensTheEngineAndItsFilesArePrivate() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.runtime())));
            Path address = home.addresses().get(0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(address)));
            String[] parts = Files.readString(address).strip().split(" ");
            int port = Integer.parseInt(parts[0]);

            Path marker = home.home().resolve("out/intruder.pdf");
            String wrongToken = parts[1].substring(1) + (parts[1].charAt(0) == 'a' ? "b" : "a");
            for (String token : List.of(wrongToken, "", parts[1].substring(0, 10))) {
                assertEquals("", ask(port, Request.PROTOCOL + "\0" + token + "\0run\0" + home.home() + "\0" + "0\0"
                        + "0\0" + "3\0build\0-o\0" + marker + "\0"), "refused unanswered");
            }
            assertEquals("", ask(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            assertFalse(Files.exists(marker), "nothing was built for a client without the token");
            assertTrue(home.engineLog().contains("refused a connection: wrong token"), home.engineLog());
            home.awaitEngine(0);

            // the right token works (the launcher's own way in, spoken here by hand)
            String answer = ask(port, Request.PROTOCOL + "\0" + parts[1] + "\0status\0");
            assertTrue(answer.startsWith("k" + parts[2] + "\nopid "), answer);

            assumeTrue("root".equals(System.getProperty("user.name")),
                    "acting as another user (setpriv --reuid) needs root; the modes above are what keep others out");
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                    "setpriv (util-linux) is needed to run a client as another user");
            // uid 65534 (nobody) cannot read the token: not through the 0700 folder, and not even when the
            // folders on the way could be passed through, because of the file's own 0600
            for (String folderMode : List.of("rwx------", "rwx--x--x")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
                Files.setPosixFilePermissions(home.runtime(), PosixFilePermissions.fromString(folderMode));
                Process cat = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "cat",
                        address.toString()).redirectErrorStream(true).start();
                String said = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(cat.waitFor(30, TimeUnit.SECONDS));
                Files.setPosixFilePermissions(home.runtime(), RuntimeFolder.PRIVATE);
                Files.setPosixFilePermissions(temp, RuntimeFolder.PRIVATE);
                assertNotEquals(0, cat.exitValue(), said);
                assertTrue(said.contains("Permission denied"), said);
                assertFalse(said.contains(parts[1]));
            }
            home.awaitEngine(0); // the engine ran nothing for uid 65534
        }
    }

    /** The launcher trusts its folder only when it is the user's own with mode 0700; else it runs in-process. */
    @Test
    void theLauncherDistrustsAFolderOthersCouldUse() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            Files.createDirectories(home.runtime());
            Files.setPosixFilePermissions(home.runtime(), PosixFilePermissions.fromString("rwxr-xr-x"));
            LauncherHome.Run open = home.run("check");
            assertEquals(0, open.exit(), open.err());
            assertTrue(open.err().contains("is not a private folder of yours"), open.err());
            Thread.sleep(3000);
            assertEquals(List.of(), home.addresses(), "no engine in a folder others can read");
            assertEquals(2, home.run("daemon", "status").exit());

            if ("root".equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(home.runtime(), PosixFilePermissions.fromString("rwx------"));
                Files.setAttribute(home.runtime(), "unix:uid", 65534);
                LauncherHome.Run foreign = home.run("check");
                assertEquals(0, foreign.exit(), foreign.err());
                assertTrue(foreign.err().contains("is not a private folder of yours"), foreign.err());
                Files.setAttribute(home.runtime(), "unix:uid", 0);
            }
            Files.setPosixFilePermissions(home.runtime(), PosixFilePermissions.fromString("rwx------"));

            // Its own and 0700, but in a folder every user may write to: another user could swap it.
            Files.setAttribute(temp, "unix:mode", 0777);
            try {
                LauncherHome.Run swappable = home.run("check");
                assertEquals(0, swappable.exit(), swappable.err());
                assertTrue(swappable.err().contains("a folder above " + home.runtime() + " can be changed by another user"),
                        swappable.err());
                Thread.sleep(3000);
                assertEquals(List.of(), home.addresses(), "no engine under a folder others can change");
            } finally {
                Files.setAttribute(temp, "unix:mode", 0700);
            }
        }
    }

    /** Whatever listens on a dead engine's port cannot pass for the engine: it does not know the engine's answer. */
    @Test
    void aStrangerOnTheEnginesPortCannotFakeABuild() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            Path address = home.addresses().get(0);
            String[] parts = Files.readString(address).strip().split(" ");
            assertEquals(0, home.run("daemon", "stop").exit());
            try (java.net.ServerSocket stranger = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread fake = new Thread(() -> {
                    while (!stranger.isClosed()) {
                        try (Socket client = stranger.accept()) {
                            client.getOutputStream().write("kguess\nosuccess\nx0\n".getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                fake.setDaemon(true);
                fake.start();
                Files.writeString(address, stranger.getLocalPort() + " " + parts[1] + " " + parts[2] + " 1\n");
                Files.setPosixFilePermissions(address, RuntimeFolder.SECRET);
                LauncherHome.Run run = home.run("build", "-o", "out/real.pdf");
                assertEquals(0, run.exit(), run.err());
                assertFalse(run.out().contains("success"), run.out());
                assertTrue(run.out().startsWith("out/real.pdf: 32 pages"), run.out());
                assertTrue(Files.size(home.home().resolve("out/real.pdf")) > 100_000);
            }
            home.awaitEngine(0); // and a real engine took over for the next command
        }
    }

    /** What the engine answers, as text; empty when it closes the connection unanswered. */
    private static String ask(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A rebuilt jar has another identity: its client starts an engine of its own and never talks to the old one. */
    @Test
    void aRebuiltJarStartsANewEngine() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            long oldPid = home.enginePid();
            Path oldAddress = home.addresses().get(0);
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(1);

            home.rebuildJar();
            LauncherHome.Run afterRebuild = home.run("check");
            assertEquals(0, afterRebuild.exit(), afterRebuild.err());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (home.addresses().size() < 2 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            List<Path> addresses = home.addresses();
            assertEquals(2, addresses.size(), addresses.toString());
            Path newAddress = addresses.get(0).equals(oldAddress) ? addresses.get(1) : addresses.get(0);
            assertNotEquals(oldAddress.getFileName(), newAddress.getFileName());
            long newPid = Long.parseLong(Files.readString(newAddress).strip().split(" ")[3]);
            assertNotEquals(oldPid, newPid);
            assertTrue(ProcessHandle.of(oldPid).isPresent(), "the old engine was not asked anything");
            assertEquals(0, home.run("check").exit());
            String status = home.run("daemon", "status").out();
            assertTrue(status.contains("pid " + newPid + ",") && status.contains("pid " + oldPid + ","), status);
            assertTrue(status.lines().anyMatch(l -> l.startsWith("pid " + oldPid + ",") && l.contains(" 1 commands")),
                    "the old engine ran only the command before the rebuild: " + status);
        }
    }

    /** kill -9 of the engine mid-build: the previous PDF stays whole, the client builds it itself, the next command works. */
    @Test
    void aKilledEngineLeavesThePreviousPdfAndTheClientBuildsItself() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            Interrupted build = buildAfterAnEdit(home);
            Path pdf = build.pdf();
            byte[] previous = build.previous();
            Process client = build.client();
            new ProcessBuilder("kill", "-9", Long.toString(build.enginePid())).start().waitFor();
            assertArrayEquals(previous, Files.readAllBytes(pdf), "the previous PDF is intact after the kill");
            assertTrue(client.waitFor(300, TimeUnit.SECONDS));
            LauncherHome.Run run = home.finish(client);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.err().contains("the engine stopped before the command finished; running it in this process"),
                    run.err());
            assertEquals(1, run.out().lines().filter(l -> l.startsWith("out/issue.pdf: ")).count(), run.out());

            LauncherHome.Run alone = home.run("build", "--no-daemon", "-o", "out/alone.pdf");
            assertEquals(0, alone.exit());
            assertArrayEquals(Files.readAllBytes(home.home().resolve("out/alone.pdf")), Files.readAllBytes(pdf),
                    "the client's own build is the right one");
            home.awaitEngine(0); // a new engine, started after the client's build
            LauncherHome.Run next = home.run("build", "-o", "out/next.pdf");
            assertEquals(0, next.exit(), next.err());
            home.awaitEngine(1);
            assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(home.home().resolve("out/next.pdf")));
        }
    }

    /** Ctrl-C in the client ends the build as in-process: the previous PDF stays, nothing is renamed later. */
    @Test
    void ctrlCInTheClientStopsTheBuild() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            Interrupted build = buildAfterAnEdit(home);
            Path pdf = build.pdf();
            byte[] previous = build.previous();
            Process client = build.client();
            long pid = build.enginePid();
            new ProcessBuilder("kill", "-INT", Long.toString(client.pid())).start().waitFor();
            assertTrue(client.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, client.exitValue());
            assertTrue(ProcessHandle.of(pid).map(p -> {
                try {
                    return p.onExit().get(60, TimeUnit.SECONDS) != null;
                } catch (Exception e) {
                    return false;
                }
            }).orElse(true), "the engine ended with its client's command");
            Thread.sleep(2000); // a build that went on would have renamed its PDF into place by now
            assertArrayEquals(previous, Files.readAllBytes(pdf), "the previous PDF is untouched");
        }
    }

    /** A build whose PDF will differ from the one there, running in the engine (its log says so). */
    private record Interrupted(Path pdf, byte[] previous, Process client, long enginePid) {
    }

    private static Interrupted buildAfterAnEdit(LauncherHome home) throws Exception {
        assertEquals(0, home.run("build", "-o", "out/issue.pdf").exit());
        home.awaitEngine(0);
        Path pdf = home.home().resolve("out/issue.pdf");
        byte[] previous = Files.readAllBytes(pdf);
        Path article = article(home);
        Files.writeString(article, Files.readString(article) + "\nАбзац, дописанный перед сборкой, которую прервут.\n");
        long pid = home.enginePid();
        Process client = home.start(home.environment(), "build", "-o", "out/issue.pdf");
        awaitLog(home, "running: build -o out/issue.pdf");
        return new Interrupted(pdf, previous, client, pid);
    }

    /** An engine no client can find (its address file deleted) goes, so that a new one can start for the folder. */
    @Test
    void anEngineWithoutItsAddressFileGoesAndANewOneTakesOver() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            long pid = home.enginePid();
            Files.delete(home.addresses().get(0));
            ProcessHandle engine = ProcessHandle.of(pid).orElseThrow();
            engine.onExit().get(60, TimeUnit.SECONDS);
            assertTrue(home.engineLog().contains("no longer names it"), home.engineLog());
            assertEquals(0, home.run("check").exit());
            home.awaitEngine(0);
            assertNotEquals(pid, home.enginePid());
        }
    }

    /** CI=true, DIGESTPRESS_DAEMON=off and --no-daemon never start (or use) an engine. */
    @Test
    void ciNeverStartsAnEngine() throws Exception {
        try (LauncherHome home = new LauncherHome(temp)) {
            Map<String, String> ci = home.environment();
            ci.put("CI", "true");
            assertEquals(0, home.run(ci, "build", "-o", "out/ci.pdf").exit());
            assertEquals(0, home.run(ci, "check").exit());
            Map<String, String> off = home.environment();
            off.put("DIGESTPRESS_DAEMON", "off");
            assertEquals(0, home.run(off, "check").exit());
            assertEquals(0, home.run("check", "--no-daemon").exit());
            assertEquals(0, home.run("--no-daemon", "check").exit());
            Thread.sleep(3000); // an engine started in the background would have written its address by now
            assertEquals(List.of(), home.addresses());
            assertTrue(home.run("daemon", "status").out().startsWith("No engine is running"));
        }
    }

    private static Path article(LauncherHome home) {
        return home.home().resolve(ARTICLE);
    }

    private static void awaitLog(LauncherHome home, String text) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!home.engineLog().contains(text)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the engine's log never said '" + text + "': " + home.engineLog());
            }
            Thread.sleep(5);
        }
    }
}

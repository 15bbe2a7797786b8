package org.digestpress.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime folder does not fill up: an engine's log is cut down to its last lines when it has
 * grown large, and the lock files and logs of identities nobody used for a week go, but never
 * those of the starting engine, of an engine that holds its lock, or of one used lately.
 */
class EngineLeftoversTest {

    @TempDir
    Path folder;

    private final Instant now = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void aLargeLogKeepsItsLastWholeLines() throws IOException {
        Path log = folder.resolve("engine-1-2.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < EngineLeftovers.MAX_LOG + 50_000; i++) {
            text.append("2026-12-05T00:00:00Z line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        String last = text.substring(text.lastIndexOf("2026", text.length() - 2));
        EngineLeftovers.trim(log);
        String kept = Files.readString(log);
        assertTrue(kept.length() <= EngineLeftovers.KEEP_OF_LOG && kept.length() > EngineLeftovers.KEEP_OF_LOG - 100,
                "kept " + kept.length());
        assertTrue(kept.startsWith("2026-12-05T00:00:00Z line "), "starts at a whole line");
        assertTrue(kept.endsWith(last), "the last lines stay");
        Files.writeString(log, "small\n");
        EngineLeftovers.trim(log);
        assertEquals("small\n", Files.readString(log), "a small log is left alone");
    }

    @Test
    void onlyUnusedIdentitiesGo() throws IOException {
        Path ownLock = leftover("engine-own-1", 30);
        Path oldLock = leftover("engine-old-1", 30);
        Path recentLock = leftover("engine-recent-1", 2);
        Path heldLock = leftover("engine-held-1", 30);
        Path aliveLock = leftover("engine-alive-1", 30);
        Files.writeString(folder.resolve("engine-alive-1.addr"), "1234 " + "a".repeat(64) + " " + "b".repeat(64) + " "
                + ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Path deadWarmUp = folder.resolve("warm-up-99999999.pdf"); // past any pid Linux gives (4194304 at most)
        Path liveWarmUp = folder.resolve("warm-up-" + ProcessHandle.current().pid() + ".pdf");
        Files.writeString(deadWarmUp, "%PDF");
        Files.writeString(liveWarmUp, "%PDF");
        Path notAnEngine = folder.resolve("notes.log");
        Files.writeString(notAnEngine, "mine");
        Files.setLastModifiedTime(notAnEngine, FileTime.from(now.minus(Duration.ofDays(30))));
        List<Path> removed;
        try (FileChannel channel = FileChannel.open(heldLock, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            // another process's engine would hold it; in this JVM the sweep's own tryLock says "held" the same way
            removed = EngineLeftovers.sweep(folder, "engine-own-1.addr", now);
        }
        assertEquals(List.of(folder.resolve("engine-old-1.log"), oldLock, deadWarmUp), removed);
        assertFalse(Files.exists(oldLock));
        for (Path stays : List.of(ownLock, recentLock, heldLock, aliveLock, notAnEngine, liveWarmUp,
                folder.resolve("engine-own-1.log"), folder.resolve("engine-recent-1.log"))) {
            assertTrue(Files.exists(stays), stays + " stays");
        }
    }

    /** A lock file and a log of an identity, both last touched {@code days} ago; answers the lock. */
    private Path leftover(String base, int days) throws IOException {
        Path lock = folder.resolve(base + ".addr.lock");
        Path log = folder.resolve(base + ".log");
        Files.writeString(lock, "");
        Files.writeString(log, "2026-11-01T00:00:00Z listening\n");
        for (Path file : List.of(lock, log)) {
            Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(days))));
        }
        return lock;
    }
}

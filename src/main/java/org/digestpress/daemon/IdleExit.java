package org.digestpress.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * When an engine should go: after {@code seconds} without a command (10 minutes unless the
 * launcher passes {@code DIGESTPRESS_DAEMON_IDLE}), or as soon as its jar was rebuilt (no client
 * talks to it any more, and classes it has not loaded yet would come from the new jar).
 */
final class IdleExit {

    private final long idleNanos;
    private final Path jar;
    private final String jarStamp;
    private volatile long lastActive = System.nanoTime();
    private volatile int running;

    IdleExit(long seconds, Path jar) {
        this.idleNanos = seconds * 1_000_000_000L;
        this.jar = jar;
        this.jarStamp = stamp(jar);
    }

    synchronized void begin() {
        running++;
        lastActive = System.nanoTime();
    }

    synchronized void end() {
        running--;
        lastActive = System.nanoTime();
    }

    long idleSeconds() {
        return (System.nanoTime() - lastActive) / 1_000_000_000L;
    }

    /** Why the engine should exit now, if it should. */
    synchronized Optional<String> due() {
        if (running == 0 && System.nanoTime() - lastActive >= idleNanos) {
            return Optional.of("idle for " + idleSeconds() + " s");
        }
        if (running == 0 && jar != null && !stamp(jar).equals(jarStamp)) {
            return Optional.of("its jar " + jar + " was rebuilt");
        }
        return Optional.empty();
    }

    private static String stamp(Path jar) {
        if (jar == null) {
            return "";
        }
        try {
            return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return "gone";
        }
    }
}

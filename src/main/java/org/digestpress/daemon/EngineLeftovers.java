package org.digestpress.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What engines leave in the runtime folder over time: every jar build is a new engine identity,
 * with its own lock file and log, and a log is appended to for as long as its engine lives. A
 * starting engine cuts its own log down to its last part when it has grown large, and removes
 * the lock files and logs of identities nobody has used for a week (no engine holds the lock, no
 * address file names a live engine), and the warm-up PDFs of engines that are gone. Nothing here follows a link: the folder is private, and
 * only regular files named like an engine's are touched.
 */
final class EngineLeftovers {

    /** A log past this is cut down to its last {@link #KEEP_OF_LOG} bytes when its engine starts. */
    static final long MAX_LOG = 1L << 20;
    static final int KEEP_OF_LOG = 256 * 1024;
    static final Duration UNUSED = Duration.ofDays(7);

    private EngineLeftovers() {
    }

    /**
     * Cuts {@code log} down to its last part, at a line's start, if it is larger than {@link #MAX_LOG}.
     * The engine's own output goes to it in append mode, so writing it again in place keeps later
     * lines at its end.
     */
    static void trim(Path log) throws IOException {
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) || Files.size(log) <= MAX_LOG) {
            return;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate(KEEP_OF_LOG);
            channel.read(tail, size - KEEP_OF_LOG);
            tail.flip();
            while (tail.hasRemaining() && tail.get() != '\n') {
                // the first, partial line goes
            }
            byte[] kept = new byte[tail.remaining()];
            tail.get(kept);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(kept), 0);
        }
    }

    /**
     * Removes the lock files and logs in {@code folder} of engine identities other than
     * {@code own} that nobody used for {@link #UNUSED}; answers what was removed.
     *
     * @param own the name of this engine's address file
     */
    static List<Path> sweep(Path folder, String own, Instant now) {
        List<Path> removed = new ArrayList<>();
        String ownBase = base(own);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "engine-*.addr.lock")) {
            for (Path lock : files) {
                String base = base(lock.getFileName().toString());
                if (base.equals(ownBase) || !unused(lock, now)) {
                    continue;
                }
                Path log = folder.resolve(base + ".log");
                Path address = folder.resolve(base + EngineAddress.SUFFIX);
                if (Files.exists(log, LinkOption.NOFOLLOW_LINKS) && !unused(log, now)
                        || Files.exists(address, LinkOption.NOFOLLOW_LINKS) && alive(address)) {
                    continue;
                }
                if (free(lock)) {
                    for (Path file : List.of(log, lock)) {
                        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                            removed.add(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // what cannot be listed or removed stays; the next engine tries again
        }
        // The warm-up PDF of an engine stopped during its warm-up (it removes its own otherwise).
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "warm-up-*")) {
            for (Path file : files) {
                java.util.regex.Matcher pid = WARM_UP.matcher(file.getFileName().toString());
                if (pid.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false).equals(Boolean.FALSE)
                        && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // as above
        }
        return removed;
    }

    private static final java.util.regex.Pattern WARM_UP = java.util.regex.Pattern.compile(
            "warm-up-([0-9]{1,18})\\.(pdf|manifest\\.json)");

    /** "engine-1-2" of "engine-1-2.addr.lock", "engine-1-2.addr" or "engine-1-2.log". */
    private static String base(String name) {
        for (String suffix : List.of(".addr.lock", EngineAddress.SUFFIX, ".log")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static boolean unused(Path file, Instant now) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().plus(UNUSED).isBefore(now);
    }

    private static boolean alive(Path address) {
        return EngineAddress.read(address).flatMap(a -> ProcessHandle.of(a.pid())).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether no engine holds this lock now (taking it for a moment to find out). */
    private static boolean free(Path lock) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock held = channel.tryLock()) {
            return held != null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }
}

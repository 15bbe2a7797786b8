package org.digestpress.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output folder. Files are made in a hidden staging folder inside it and moved into place
 * only when a whole issue succeeded, so a failed build leaves the previous PDFs untouched and a
 * reader of the folder never sees half an issue. Published files get the mode a new file gets
 * under the user's umask (0644 usually): a web server serving the archive must read them.
 */
final class ArchiveFolder {

    private final Path root;
    private Set<PosixFilePermission> mode;

    ArchiveFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Held while a run writes to the folder; closing it lets the next run in. */
    interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Takes the folder for this run: an exclusive lock on {@code .lock} in it, held by the operating
     * system for this process (released even when the process is killed). When another run holds
     * it, {@code waiting} is told once and this run waits for it to finish.
     */
    Lock lock(Runnable waiting) throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                waiting.run();
                while ((lock = tryLock(channel)) == null) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for the other run", e);
                    }
                }
            }
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                } finally {
                    channel.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or null when another process (or another run in this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    /** A fresh, empty staging folder for one issue. */
    Path staging(String issue) throws IOException {
        Path dir = root.resolve(".staging").resolve(issue);
        deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** Moves {@code from} (in staging) to {@code relative}, replacing what was there in one step. */
    void publish(Path from, String relative) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        setMode(from);
        try {
            Files.move(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code relative} through staging, so readers see the old file or the new, never half. */
    void write(String relative, byte[] bytes) throws IOException {
        Path dir = root.resolve(".staging");
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "file", ".tmp");
        try {
            Files.write(temp, bytes);
            publish(temp, relative);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the staging area once the run is over; an empty archive folder stays tidy. */
    void cleanUp() throws IOException {
        deleteTree(root.resolve(".staging"));
    }

    private synchronized void setMode(Path file) throws IOException {
        if (mode == null) {
            Path probe = root.resolve(".staging").resolve(".mode-probe");
            Files.deleteIfExists(probe);
            try {
                Files.createFile(probe);
                mode = Files.getPosixFilePermissions(probe);
            } catch (UnsupportedOperationException e) {
                mode = Set.of();
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        if (!mode.isEmpty()) {
            try {
                Files.setPosixFilePermissions(file, mode);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // a file system without POSIX modes serves files by its own rules
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

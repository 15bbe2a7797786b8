package org.digestpress.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files and folders a build read, as it named them (links not followed, so a section folder
 * that links to another issue's section is recorded under the issue that read it), each with the
 * fingerprint of its content at the moment it was first read: an edit made while the build runs
 * then makes the next run build again instead of recording the new bytes for the old PDF. Every
 * read of a source first passes {@link Confinement#inside} (and the renderer's reads its resource
 * guard), so those two places report here. A recorder sees every read made while it is open, from
 * any thread (a build renders its articles on a shared pool, which a thread-local could not
 * follow); builds running at the same time see each other's reads, so each keeps only the paths
 * its filter accepts. With no recorder open, reporting costs one check of an empty list.
 */
public final class ReadRecorder implements AutoCloseable {

    public static final String ABSENT = "absent";
    private static final List<ReadRecorder> OPEN = new CopyOnWriteArrayList<>();

    private final Predicate<Path> keep;
    private final SortedMap<Path, String> seen = new TreeMap<>();

    private ReadRecorder(Predicate<Path> keep) {
        this.keep = keep;
    }

    /**
     * Starts recording; close it to stop.
     *
     * @param keep which paths (absolute, normalised, as named) belong to this recorder's build
     */
    public static ReadRecorder start(Predicate<Path> keep) {
        ReadRecorder recorder = new ReadRecorder(keep);
        OPEN.add(recorder);
        return recorder;
    }

    /** A file or folder a build is about to read (or list), as the build names it. */
    public static void reading(Path path) {
        if (OPEN.isEmpty()) {
            return;
        }
        Path named = path.toAbsolutePath().normalize();
        String print = null;
        for (ReadRecorder recorder : OPEN) {
            if (recorder.keep.test(named) && !recorder.has(named)) {
                print = print == null ? fingerprint(named) : print;
                recorder.put(named, print);
            }
        }
    }

    /**
     * A file's SHA-256; a folder's {@code dir:} and the SHA-256 of its sorted names (a new article in
     * a section is a change); {@link #ABSENT}; or {@code unreadable}. Links are followed: the caller
     * has checked that they stay inside.
     */
    public static String fingerprint(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    String names = String.join("\n", entries.map(p -> p.getFileName().toString()).sorted().toList());
                    return "dir:" + sha256(names.getBytes(StandardCharsets.UTF_8));
                }
            }
            return Files.isRegularFile(path) ? sha256(Files.readAllBytes(path)) : ABSENT;
        } catch (IOException | UncheckedIOException e) {
            return "unreadable";
        }
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private synchronized boolean has(Path path) {
        return seen.containsKey(path);
    }

    private synchronized void put(Path path, String print) {
        seen.putIfAbsent(path, print);
    }

    /** What was read so far, sorted, with each file's fingerprint when it was first read. */
    public synchronized SortedMap<Path, String> read() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(seen));
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}

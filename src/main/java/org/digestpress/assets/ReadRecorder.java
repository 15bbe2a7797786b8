package org.digestpress.assets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The files and folders a build looked at, as it named them (links not followed, so a section
 * folder that links to another issue's section is recorded under the issue that read it). Every
 * read of a source first passes {@link Confinement#inside} (and the renderer's reads its resource
 * guard), so those two places report here; a recorder that is open sees every read made while it is
 * open, from any thread (a build renders its articles on a shared thread pool, so a thread-local
 * could not follow them). With no recorder open, reporting costs one check of an empty list.
 *
 * <p>Builds that run at the same time each see the others' reads too: the caller keeps the ones
 * that belong to its build (see the archive's input hashes).
 */
public final class ReadRecorder implements AutoCloseable {

    private static final List<ReadRecorder> OPEN = new CopyOnWriteArrayList<>();

    private final SortedSet<Path> seen = new TreeSet<>();

    private ReadRecorder() {
    }

    /** Starts recording; close it to stop. */
    public static ReadRecorder start() {
        ReadRecorder recorder = new ReadRecorder();
        OPEN.add(recorder);
        return recorder;
    }

    /** A file or folder a build is about to read (or list), as the build names it. */
    public static void reading(Path path) {
        if (OPEN.isEmpty()) {
            return;
        }
        Path named = path.toAbsolutePath().normalize();
        if (!Files.exists(named)) {
            return;
        }
        for (ReadRecorder recorder : OPEN) {
            recorder.add(named);
        }
    }

    private synchronized void add(Path path) {
        seen.add(path);
    }

    /** What was read so far, sorted. */
    public synchronized SortedSet<Path> paths() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(seen));
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}

package org.digestpress.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What one build read (as Typst's {@code World} answers a compilation's reads): every file and
 * folder, as the build named it (links not followed, so a section folder that links to another
 * issue's section is recorded under the issue that read it), each with the fingerprint of its
 * content when it was first read. Every read of a source first passes {@link Confinement#inside},
 * {@code References.resolve} or the renderer's resource guard, and those report here; a path
 * whose real location is outside the world's roots is recorded as {@code outside} and never read.
 *
 * <p>A world belongs to the thread that opened it ({@link #during}), not to the process: builds
 * running at the same time (a resident engine, {@code archive --jobs}) record apart. Work handed to
 * another thread takes its world along ({@link #during} on that thread). A world opened inside
 * another is its child: what it records goes up to its parent too, so a kept article's reads,
 * recorded once in a world of their own, can be {@link #replay replayed} into every later build
 * that reuses the article, and a cold and a warm build record the same inputs.
 */
public final class World {

    public static final String ABSENT = "absent";
    public static final String OUTSIDE = "outside";
    private static final String UNREADABLE = "unreadable";
    private static final ThreadLocal<World> CURRENT = new ThreadLocal<>();

    private final World parent;
    private final List<Path> roots;
    private final SortedMap<Path, String> seen = new TreeMap<>();

    private World(World parent, List<Path> roots) {
        this.parent = parent;
        this.roots = roots.stream().map(Confinement::real).toList();
    }

    /** A world for reads inside {@code roots} (real paths compared), child of this thread's world if any. */
    public static World open(List<Path> roots) {
        return new World(CURRENT.get(), roots);
    }

    /** A child of this thread's world with the same roots, for work whose reads are kept with its result. */
    public static World child() {
        World current = CURRENT.get();
        return current == null ? new World(null, List.of()) : new World(current, current.roots);
    }

    /** {@code work} run on this thread with this world answering its reads. */
    public <R> R during(Supplier<R> work) {
        World before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** A file or folder this thread's build is about to read (or list), as the build names it. */
    public static void reading(Path path) {
        World world = CURRENT.get();
        if (world != null) {
            world.read(path);
        }
    }

    /** A file or folder about to be read into this world, from whatever thread reads it. */
    public void read(Path path) {
        Path named = path.toAbsolutePath().normalize();
        if (!has(named)) {
            record(named, fingerprintInside(named));
        }
    }

    /** Of what was read, the files (not folders, absent or outside ones), links followed, sorted. */
    public SortedSet<Path> files() {
        SortedSet<Path> files = new TreeSet<>();
        read().forEach((path, print) -> {
            if (!print.startsWith("dir:") && !print.equals(ABSENT) && !print.equals(OUTSIDE)
                    && !print.equals(UNREADABLE)) {
                files.add(Confinement.real(path));
            }
        });
        return files;
    }

    /** Reads recorded earlier (a kept article's), as if this thread's world had made them now. */
    public static void replay(Map<Path, String> reads) {
        World world = CURRENT.get();
        if (world != null) {
            reads.forEach(world::record);
        }
    }

    private void record(Path path, String print) {
        synchronized (this) {
            seen.putIfAbsent(path, print);
        }
        if (parent != null) {
            parent.record(path, print);
        }
    }

    private synchronized boolean has(Path path) {
        return seen.containsKey(path);
    }

    /** What was read so far, sorted by path, with each fingerprint taken when it was first read. */
    public synchronized SortedMap<Path, String> read() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(seen));
    }

    /**
     * Whether every read in {@code reads} would give the same answer now: a result made from them
     * (a kept article) is still valid. Fingerprints are taken again, outside files never read.
     */
    public static boolean unchanged(Map<Path, String> reads) {
        World world = CURRENT.get();
        World judge = world == null ? new World(null, List.of()) : world;
        for (Map.Entry<Path, String> read : reads.entrySet()) {
            if (!judge.fingerprintInside(read.getKey()).equals(read.getValue())) {
                return false;
            }
        }
        return true;
    }

    private String fingerprintInside(Path path) {
        if (!roots.isEmpty() && Files.exists(path)) {
            Path real = Confinement.real(path);
            if (roots.stream().noneMatch(real::startsWith)) {
                return OUTSIDE;
            }
        }
        return fingerprint(path);
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
                    return "dir:" + Sha256.hex(names.getBytes(StandardCharsets.UTF_8));
                }
            }
            return Files.isRegularFile(path) ? Sha256.hex(Files.readAllBytes(path)) : ABSENT;
        } catch (IOException | UncheckedIOException e) {
            return UNREADABLE;
        }
    }
}

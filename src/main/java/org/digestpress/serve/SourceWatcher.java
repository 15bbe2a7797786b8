package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders and everything below them (the JDK's WatchService is not recursive: each folder
 * is registered, new ones as they appear) and reports a burst of changes once, after the files have
 * been quiet for a moment: an editor's save is often several events (temporary file, rename, touch).
 *
 * <p>A watched folder that is deleted and put back (an editor replacing it, {@code git checkout},
 * a copy from a backup) is a new folder to the operating system: the old watch is dead. So the
 * parent of each watched folder is watched too, for that name only, and every half second a
 * watched folder that exists without a live watch (its parent was replaced as well) is taken up
 * again. Either way the whole tree is registered anew and a rebuild follows.
 */
final class SourceWatcher implements AutoCloseable {

    private static final long RECHECK_MILLIS = 500;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** Keys on the parents of the watched folders: only the watched folders' own names count there. */
    private final Map<WatchKey, Path> parents = new HashMap<>();
    private final List<Path> roots;
    private final long quietMillis;
    private final Consumer<Set<Path>> onChange;
    private final Runnable noticed;
    private final Thread thread;

    SourceWatcher(List<Path> roots, long quietMillis, Consumer<Set<Path>> onChange) throws IOException {
        this(roots, quietMillis, () -> { }, onChange);
    }

    /** @param noticed told at the first change of a burst, before the quiet moment has passed */
    SourceWatcher(List<Path> roots, long quietMillis, Runnable noticed, Consumer<Set<Path>> onChange)
            throws IOException {
        this.noticed = noticed;
        this.service = FileSystems.getDefault().newWatchService();
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quietMillis = quietMillis;
        this.onChange = onChange;
        for (Path root : this.roots) {
            registerTree(root);
            watchParent(root);
        }
        thread = new Thread(this::run, "digest-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watchParent(Path root) {
        Path parent = root.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try {
            WatchKey key = parent.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE);
            synchronized (folders) {
                parents.put(key, parent);
            }
        } catch (IOException e) {
            // an unreadable parent: the half-second check still takes the folder up again
        }
    }

    /** Registers {@code root} and every folder below it; folders that vanish meanwhile are skipped. */
    private void registerTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    try {
                        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                        synchronized (folders) {
                            folders.put(key, dir);
                        }
                        return FileVisitResult.CONTINUE;
                    } catch (IOException e) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a folder that vanished at once needs no watching
        }
    }

    private void run() {
        Set<Path> changed = new TreeSet<>();
        long last = 0;
        long recheck = 0;
        try {
            while (true) {
                WatchKey key = service.poll(changed.isEmpty() ? RECHECK_MILLIS : quietMillis / 3 + 1,
                        TimeUnit.MILLISECONDS);
                boolean first = changed.isEmpty();
                if (key != null && collect(key, changed)) {
                    last = System.nanoTime();
                    if (first) {
                        tell(noticed);
                    }
                }
                if (System.nanoTime() - recheck > RECHECK_MILLIS * 1_000_000) {
                    recheck = System.nanoTime();
                    if (takeUpReplacedRoots(changed)) {
                        last = System.nanoTime();
                    }
                }
                if (!changed.isEmpty() && System.nanoTime() - last >= quietMillis * 1_000_000) {
                    Set<Path> burst = new TreeSet<>(changed);
                    changed.clear();
                    try {
                        onChange.accept(burst);
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        // the receiver failed or is shutting down: watching goes on, the next burst tries again
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private static void tell(Runnable noticed) {
        try {
            noticed.run();
        } catch (RuntimeException e) {
            // the receiver failed: watching goes on
        }
    }

    /** Adds the key's changes to {@code changed}; true when there were any. */
    private boolean collect(WatchKey key, Set<Path> changed) {
        Path dir;
        Path parent;
        synchronized (folders) {
            dir = folders.get(key);
            parent = parents.get(key);
        }
        boolean any = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                continue;
            }
            if (parent != null) {
                Path root = parent.resolve(name);
                if (roots.contains(root)) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        registerTree(root);
                    }
                    changed.add(root);
                    any = true;
                }
            }
            if (dir == null || ignored(name)) {
                continue;
            }
            Path file = dir.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                registerTree(file);
            }
            changed.add(file);
            any = true;
        }
        if (!key.reset()) {
            synchronized (folders) {
                folders.remove(key);
                parents.remove(key);
            }
        }
        return any;
    }

    /** A watched folder that exists but has no live watch was replaced: watch the new one. */
    private boolean takeUpReplacedRoots(Set<Path> changed) {
        boolean any = false;
        for (Path root : roots) {
            boolean live;
            boolean parentLive;
            synchronized (folders) {
                live = folders.entrySet().stream().anyMatch(e -> e.getValue().equals(root) && e.getKey().isValid());
                parentLive = parents.entrySet().stream()
                        .anyMatch(e -> e.getValue().equals(root.getParent()) && e.getKey().isValid());
            }
            if (!parentLive) {
                watchParent(root);
            }
            if (!live && Files.isDirectory(root)) {
                registerTree(root);
                changed.add(root);
                any = true;
            }
        }
        return any;
    }

    /** Editors' swap, backup and lock files: saving them is not a change of the publication. */
    static boolean ignored(Path name) {
        String n = name.toString();
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".swx") || n.endsWith(".tmp")
                || n.startsWith("#");
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service that failed: nothing left to release
        }
        thread.interrupt();
    }
}

package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything below them (the JDK's WatchService is not recursive: each folder
 * is registered, new ones as they appear) and reports a burst of changes once, after the files have
 * been quiet for a moment: an editor's save is often several events (temporary file, rename, touch).
 */
final class SourceWatcher implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final long quietMillis;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    SourceWatcher(List<Path> roots, long quietMillis, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        this.onChange = onChange;
        for (Path root : roots) {
            registerTree(root);
        }
        thread = new Thread(this::run, "digest-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                synchronized (folders) {
                    folders.put(key, dir);
                }
            }
        }
    }

    private void run() {
        Set<Path> changed = new TreeSet<>();
        long last = 0;
        try {
            while (true) {
                WatchKey key = changed.isEmpty() ? service.take() : service.poll(quietMillis / 3 + 1, TimeUnit.MILLISECONDS);
                if (key != null) {
                    Path dir;
                    synchronized (folders) {
                        dir = folders.get(key);
                    }
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (dir == null || !(event.context() instanceof Path name) || ignored(name)) {
                            continue;
                        }
                        Path file = dir.resolve(name);
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                            try {
                                registerTree(file);
                            } catch (IOException e) {
                                // a folder that vanished at once needs no watching
                            }
                        }
                        changed.add(file);
                        last = System.nanoTime();
                    }
                    if (!key.reset()) {
                        synchronized (folders) {
                            folders.remove(key);
                        }
                    }
                }
                if (!changed.isEmpty() && System.nanoTime() - last >= quietMillis * 1_000_000) {
                    Set<Path> burst = Set.copyOf(changed);
                    changed.clear();
                    onChange.accept(new TreeSet<>(burst));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
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

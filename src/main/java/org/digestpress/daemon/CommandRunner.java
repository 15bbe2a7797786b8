package org.digestpress.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one client's command in the engine as {@code digest} would run it in the client's own
 * process: the same command tree, arguments and exit status, standard output and error kept apart
 * and streamed back as they are written, help coloured as picocli would colour it in the client's
 * terminal. The engine runs in the client's working folder (the launcher keeps one engine per
 * folder), so every relative path and every path printed is what an in-process run would use; a
 * request from another folder (the folder was deleted and made again, say) is not run.
 * <p>
 * While the command runs, the connection is watched: a client that goes away (Ctrl-C, killed)
 * ends the engine at once, as Ctrl-C ends an in-process run, so the command stops where it is and
 * its result is not moved into place (outputs are written beside and renamed; the previous PDF
 * stays whole). The next command starts a new engine.
 */
final class CommandRunner {

    /** What the launcher takes as "not run here: run it in your own process". */
    static final String ELSEWHERE = "elsewhere";

    private final CommandEntry entry;
    private final WarmWorkspaces workspaces;
    private final OutputRouting[] routing;
    private final Charset charset;
    private final Runnable abandon;
    private final java.util.function.Consumer<String> log;

    /** @param abandon what to do when the client goes away during its command (end the engine) */
    CommandRunner(CommandEntry entry, WarmWorkspaces workspaces, OutputRouting[] routing, Charset charset,
                  Runnable abandon, java.util.function.Consumer<String> log) {
        this.log = log;
        this.entry = entry;
        this.workspaces = workspaces;
        this.routing = routing;
        this.charset = charset;
        this.abandon = abandon;
    }

    /** @return a line for the engine's log */
    String run(Request request, InputStream in, OutputStream socket) {
        FramedOutput out = new FramedOutput(socket, 'o', charset);
        FramedOutput err = new FramedOutput(socket, 'e', charset);
        if (!sameFolder(request.folder())) {
            out.finish(ELSEWHERE);
            return ELSEWHERE + ": not run, the client's folder " + request.folder() + " is not this engine's";
        }
        log.accept("running: " + String.join(" ", request.args()));
        Thread watcher = watch(in);
        long gcs = youngCollections();
        long heapBefore = heapUsed();
        long start = System.nanoTime();
        int status;
        PrintWriter stdout = new PrintWriter(out, true);
        PrintWriter stderr = new PrintWriter(err, true);
        routing[0].to(stdout);
        routing[1].to(stderr);
        try {
            status = entry.execute(stdout, stderr, ansi(request.env(), request.tty()), workspaces,
                    request.args().toArray(String[]::new));
        } catch (Throwable e) { // NOPMD: what an in-process run would print as it died; the engine lives on
            e.printStackTrace(stderr);
            workspaces.distrustLast();
            status = 1;
        } finally {
            stdout.flush();
            stderr.flush();
            routing[0].to(null);
            routing[1].to(null);
            watcher.interrupt();
        }
        long heapAfter = heapUsed();
        out.finish(Integer.toString(status));
        long collections = youngCollections() - gcs;
        return String.format(java.util.Locale.ROOT, "%s: exit %d, %d ms, %d young collections during it%s",
                String.join(" ", request.args()), status, (System.nanoTime() - start) / 1_000_000, collections,
                collections == 0 ? ", " + ((heapAfter - heapBefore) >> 20) + " MB allocated" : "");
    }

    /** A command whose output nobody reads: the engine's warm-up. */
    int warmUp(PrintWriter sink, String... args) {
        try {
            return entry.execute(sink, sink, false, workspaces, args);
        } catch (RuntimeException | StackOverflowError e) {
            workspaces.distrustLast();
            return -1;
        }
    }

    /** Ends the engine when the client closes its end while the command runs. */
    private Thread watch(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                in.read(); // the client sends nothing more: this returns only when it goes away
            } catch (IOException e) {
                // a reset connection is a client gone too
            }
            if (!Thread.currentThread().isInterrupted()) {
                abandon.run();
            }
        }, "digest-engine-client-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    private static boolean sameFolder(String folder) {
        try {
            return folder != null && Files.isSameFile(Path.of(folder), Path.of("."));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * picocli's own rule for its AUTO mode, applied to the client's terminal and environment
     * instead of the engine's (which has none): NO_COLOR turns colours off, CLICOLOR_FORCE (not 0)
     * on, CLICOLOR=0 off, otherwise on when standard input and output are a terminal.
     */
    static boolean ansi(Map<String, String> env, boolean tty) {
        if (env.containsKey("NO_COLOR")) {
            return false;
        }
        String force = env.get("CLICOLOR_FORCE");
        if (force != null && !"0".equals(force)) {
            return true;
        }
        if ("0".equals(env.get("CLICOLOR")) || "OFF".equals(env.get("ConEmuANSI"))) {
            return false;
        }
        return tty;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long youngCollections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("MarkSweep") && !gc.getName().contains("Old")) {
                count += Math.max(0, gc.getCollectionCount());
            }
        }
        return count;
    }
}

package org.digestpress.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The resident engine: a JVM that stays after a command, keeps its code compiled and its
 * workspaces warm, and runs the commands of the {@code digest} launcher for one user and one working
 * folder, one command at a time. It is started by the launcher (detached, its output in a log file
 * beside its address file) and ends after an idle time, when its jar is rebuilt, on
 * {@code digest daemon stop}, or at once when a client goes away during its command.
 */
public final class Engine {

    private final EngineAddress address;
    private final IdleExit idle;
    private final WarmWorkspaces workspaces = new WarmWorkspaces();
    private final ReentrantLock commands = new ReentrantLock(true);
    private final PrintStream log;
    private final long started = System.nanoTime();
    private final Listener listener;
    private final CommandRunner runner;
    private int served;

    private Engine(EngineAddress address, IdleExit idle, Listener listener, CommandEntry entry, PrintStream log) {
        this.address = address;
        this.idle = idle;
        this.listener = listener;
        this.log = log;
        Charset charset = Charset.defaultCharset();
        this.runner = new CommandRunner(entry, workspaces, OutputRouting.install(charset), charset, this::abandon,
                this::log);
    }

    /**
     * Runs an engine until it should stop.
     *
     * @param addressFile where to publish the port and token (its folder must be private)
     * @param idleSeconds how long to wait for a command before exiting
     * @param warmups     builds of the sample (digestpress.home/content) to compile the code before the first command
     * @param entry       the command line
     * @return the exit status of the engine process
     */
    public static int run(Path addressFile, long idleSeconds, int warmups, CommandEntry entry) {
        PrintStream log = System.err;
        Path folder = addressFile.toAbsolutePath().getParent();
        var distrust = RuntimeFolder.distrust(folder);
        if (distrust.isPresent()) {
            log.println("digest engine: not starting: " + distrust.get());
            return 2;
        }
        Path lockFile = addressFile.resolveSibling(addressFile.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(RuntimeFolder.SECRET));
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                log.println("digest engine: another engine is starting for " + addressFile.getFileName());
                return 0;
            }
            housekeeping(addressFile, log);
            String token = EngineAddress.newToken();
            String answer = EngineAddress.newToken();
            Listener listener = new Listener(token, answer, line -> log.println(stamp() + line));
            EngineAddress address = new EngineAddress(addressFile, listener.port(), token, answer,
                    ProcessHandle.current().pid());
            Engine engine = new Engine(address, new IdleExit(idleSeconds, jar()), listener, entry, log);
            address.write();
            engine.log("listening on 127.0.0.1:" + listener.port() + " for " + Path.of("").toAbsolutePath()
                    + " (pid " + address.pid() + ", idle exit after " + idleSeconds + " s)");
            Thread warm = new Thread(() -> engine.warmUp(warmups), "digest-engine-warm-up");
            warm.setDaemon(true);
            warm.start();
            listener.serve(engine::handle, engine::due);
            engine.stop();
            return 0;
        } catch (IOException e) {
            log.println("digest engine: cannot start: " + e.getMessage());
            return 2;
        }
    }

    /** Its own log cut down when large, other identities' files removed when unused for a week. */
    private static void housekeeping(Path addressFile, PrintStream log) {
        String name = addressFile.getFileName().toString();
        Path ownLog = addressFile.resolveSibling(name.substring(0, name.length() - EngineAddress.SUFFIX.length()) + ".log");
        try {
            EngineLeftovers.trim(ownLog);
        } catch (IOException e) {
            log.println(stamp() + "cannot cut down the log: " + e.getMessage());
        }
        for (Path removed : EngineLeftovers.sweep(addressFile.toAbsolutePath().getParent(), name, Instant.now())) {
            log.println(stamp() + "removed " + removed.getFileName() + " (unused for a week)");
        }
    }

    private void handle(Request request, InputStream in, OutputStream out) throws IOException {
        switch (request.kind()) {
            case "run" -> {
                commands.lock();
                idle.begin();
                try {
                    String outcome = runner.run(request, in, out);
                    log(outcome);
                    served++;
                    out.flush();
                    out.close();
                    if (outcome.startsWith(CommandRunner.ELSEWHERE)) {
                        listener.close(); // its folder is gone: a new engine will start in the new one
                        return;
                    }
                    // between commands, not during one: the next build starts with an empty young generation
                    System.gc();
                } finally {
                    idle.end();
                    commands.unlock();
                }
            }
            case "status" -> {
                FramedOutput line = new FramedOutput(out, 'o', Charset.defaultCharset());
                line.write(status() + "\n");
                line.finish("0");
            }
            case "stop" -> {
                log("stopping: asked by digest daemon stop");
                new FramedOutput(out, 'o', Charset.defaultCharset()).finish("0");
                out.flush();
                listener.close();
            }
            default -> log("unknown request " + request.kind());
        }
    }

    /**
     * Why to stop now, if so: the idle rule, or the address file no longer naming this engine
     * (deleted, or replaced by hand): no client can reach it any more, and its lock would keep a
     * new engine for this folder from starting.
     */
    private java.util.Optional<String> due() {
        var idleReason = idle.due();
        if (idleReason.isPresent() || address.current()) {
            return idleReason;
        }
        return java.util.Optional.of("its address file " + address.file().getFileName() + " no longer names it");
    }

    /** A line for {@code digest daemon status}. */
    private String status() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "pid %d, folder %s, up %d s, %d commands, idle %d s, RSS %s, "
                        + "heap %d MB used of %d MB, %d workspace%s kept",
                address.pid(), Path.of("").toAbsolutePath(), (System.nanoTime() - started) / 1_000_000_000L, served,
                idle.idleSeconds(), rss(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
                workspaces.size(), workspaces.size() == 1 ? "" : "s");
    }

    /**
     * Builds the sample a few times into the engine's folder, so that C2 has compiled the hot code
     * before the first command comes; a command that arrives meanwhile waits for at most the build
     * under way, and ends the warm-up.
     */
    private void warmUp(int builds) {
        String home = System.getProperty("digestpress.home");
        if (builds <= 0 || home == null || !Files.isRegularFile(Path.of(home, "content", "publication.yaml"))) {
            return;
        }
        java.util.List<Path> issues = org.digestpress.Pipeline.issueFolders(Path.of(home, "content"));
        if (issues.isEmpty()) {
            return;
        }
        String issue = issues.get(issues.size() - 1).toString();
        Path pdf = address.file().resolveSibling("warm-up-" + address.pid() + ".pdf");
        for (int i = 0; i < builds; i++) {
            if (!commands.tryLock()) {
                return;
            }
            try {
                if (served > 0) {
                    return;
                }
                long start = System.nanoTime();
                int status;
                try (PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream())) {
                    status = runner.warmUp(sink, "build", issue, "-o", pdf.toString());
                }
                log("warm-up build " + (i + 1) + " of the sample: exit " + status + ", "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            } finally {
                commands.unlock();
            }
            if (commands.hasQueuedThreads()) {
                break;
            }
        }
        try {
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(org.digestpress.pdf.Manifest.fileFor(pdf));
        } catch (IOException e) {
            log("cannot remove the warm-up PDF: " + e.getMessage());
        }
        System.gc();
    }

    /** The client went away during its command: end now, as Ctrl-C ends an in-process run. */
    private void abandon() {
        log("the client went away during its command: exiting at once");
        address.remove();
        log.flush();
        Runtime.getRuntime().halt(130);
    }

    private void stop() {
        address.remove();
        listener.close();
        log("stopped after " + served + " commands");
        log.flush();
    }

    private void log(String line) {
        log.println(stamp() + line);
        log.flush();
    }

    private static String stamp() {
        return Instant.now().toString() + " ";
    }

    private static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say so
        }
        return "unknown";
    }

    /** The jar this engine runs from, or null when run from classes (tests). */
    private static Path jar() {
        try {
            Path code = Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code : null;
        } catch (Exception e) { // NOPMD: no jar to watch is a fine answer
            return null;
        }
    }
}

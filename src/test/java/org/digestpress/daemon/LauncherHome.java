package org.digestpress.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.digestpress.BuiltIssue;

/**
 * A copy of the repository as a user has it, for running the {@code digest} launcher as a process:
 * the launcher itself, the sample publication, templates and fonts, and in place of the shaded jar
 * a small jar whose manifest points at the classes under test (so the launcher neither builds
 * nor waits for Maven). Each home has a private runtime folder for its engines, passed by
 * {@code DIGESTPRESS_RUNTIME_DIR}, so a test never meets the user's engines; {@link #close()}
 * stops every engine started there.
 */
final class LauncherHome implements AutoCloseable {

    /** What one run of the launcher printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private final Path home;
    private final Path runtime;
    private int jarVersion;

    LauncherHome(Path temp) throws IOException {
        this.home = temp.resolve("repo");
        this.runtime = temp.resolve("run");
        Files.createDirectories(home.resolve("target"));
        Files.copy(BuiltIssue.REPO.resolve("digest"), home.resolve("digest"));
        Files.setPosixFilePermissions(home.resolve("digest"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String folder : List.of("content", "templates", "fonts")) {
            copyTree(BuiltIssue.REPO.resolve(folder), home.resolve(folder));
        }
        writeJar();
    }

    Path home() {
        return home;
    }

    Path runtime() {
        return runtime;
    }

    Path jar() {
        return home.resolve("target/digestpress-all.jar");
    }

    /** A new jar (other bytes, a newer time): what {@code mvn package} after a change leaves. */
    void rebuildJar() throws IOException {
        writeJar();
    }

    private void writeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.digestpress.cli.DigestCommand");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        manifest.getMainAttributes().putValue("Digestpress-Test-Build", Integer.toString(++jarVersion));
        Path temp = jar().resolveSibling("jar.tmp");
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.flush();
        }
        Files.move(temp, jar(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(jar(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + jarVersion * 2000L));
    }

    /** The environment of a user's shell: engines on, no CI, this home's runtime folder. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("CI");
        env.remove("DIGESTPRESS_DAEMON");
        env.put("DIGESTPRESS_RUNTIME_DIR", runtime.toString());
        env.put("DIGESTPRESS_DAEMON_IDLE", "120"); // a safety net: close() stops them anyway
        env.put("DIGESTPRESS_DAEMON_WARMUP", "0");
        env.put("DIGEST_ARCHIVE", "off");
        env.put("LANG", "C.UTF-8");
        env.remove("LC_ALL");
        return env;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(environment(), args);
    }

    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = start(env, args);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("digest " + String.join(" ", args) + " did not finish in 300 s");
        }
        return finish(process);
    }

    Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("digest").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile()).redirectError(home.resolve("stderr.txt").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    Run finish(Process process) throws IOException {
        return new Run(process.exitValue(), Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** The address files of the engines running for this home. */
    List<Path> addresses() throws IOException {
        if (!Files.isDirectory(runtime)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runtime)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".addr")).sorted().toList();
        }
    }

    /** Waits (up to 120 s: the machine may be busy) until an engine answers {@code status}; its line. */
    String awaitEngine(int commands) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String status = "";
        while (System.nanoTime() < until) {
            status = run("daemon", "status").out();
            if (status.contains(" " + commands + " commands") || commands < 0 && status.startsWith("pid ")) {
                return status;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no engine answered with " + commands + " commands; last status: " + status);
    }

    /** The process id of the (single) engine. */
    long enginePid() throws IOException {
        List<Path> addresses = addresses();
        if (addresses.size() != 1) {
            throw new AssertionError("expected one engine, found " + addresses);
        }
        return Long.parseLong(Files.readString(addresses.get(0)).strip().split(" ")[3]);
    }

    String engineLog() throws IOException {
        try (Stream<Path> files = Files.list(runtime)) {
            StringBuilder log = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                log.append(Files.readString(f));
            }
            return log.toString();
        }
    }

    /** Stops every engine of this home: politely, then by process id for any left. */
    @Override
    public void close() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (Path address : addresses()) {
            try {
                pids.add(Long.parseLong(Files.readString(address).strip().split(" ")[3]));
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        }
        try {
            run("daemon", "stop");
        } finally {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.BuiltIssue;

/**
 * Runs the real command line on a temporary copy of a fixture publication and checks what a user
 * checks afterwards: the exit code, the messages, no stack trace, and that no file that existed
 * before the run was changed (the previous PDF included).
 */
public final class CliHarness {

    /** What the run printed and returned. {@code err} has the publication folder taken out of paths. */
    record Outcome(int exit, String out, String err) {
    }

    private static final Pattern JAVA_NOISE = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|\\tat |java\\.|javax\\.|org\\.apache|com\\.openhtmltopdf|SEVERE|WARNING:");

    private final Path root;
    private final Path publication;

    /** Copies {@code fixture} to {@code temp/publication}. */
    CliHarness(Path temp, Path fixture) {
        this.root = temp;
        this.publication = temp.resolve("publication");
        copyTree(fixture, publication);
    }

    CliHarness(Path temp) {
        this(temp, BuiltIssue.FIXTURE);
    }

    Path publication() {
        return publication;
    }

    Path root() {
        return root;
    }

    /** Runs {@code digest ARGS}, with the repository's templates and fonts unless the arguments name others. */
    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DigestCommand.execute(new PrintWriter(out), new PrintWriter(err), withDefaults(args));
        String shown = err.toString().replace(publication.toAbsolutePath() + "/", "").replace('\\', '/');
        return new Outcome(exit, out.toString(), shown);
    }

    private static String[] withDefaults(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(Arrays.asList(args));
        if (!all.contains("--templates") && !all.isEmpty() && !all.get(0).equals("new")) {
            all.add("--templates");
            all.add(BuiltIssue.REPO.resolve("templates").toString());
        }
        if (!all.contains("--fonts") && !all.isEmpty() && !all.get(0).equals("new")) {
            all.add("--fonts");
            all.add(BuiltIssue.REPO.resolve("fonts").toString());
        }
        return all.toArray(String[]::new);
    }

    /**
     * Runs {@code digest ARGS} and checks what every hostile case must hold: the exit code, no
     * Java noise, and no file that existed before changed (the previous PDF included).
     */
    Outcome expect(int exit, String... args) {
        Map<Path, String> before = snapshot();
        Outcome outcome = run(args);
        assertUnchanged(before, snapshot());
        assertNoJavaNoise(outcome);
        assertEquals(exit, outcome.exit(), () -> "exit code; stderr:\n" + outcome.err() + "\nstdout:\n" + outcome.out());
        return outcome;
    }

    /** Every regular file and link under the temporary root with its bytes (or link target). */
    Map<Path, String> snapshot() {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p)) {
                    files.put(p, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(p, java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Asserts that every file of {@code before} is still there with the same bytes. */
    static void assertUnchanged(Map<Path, String> before, Map<Path, String> after) {
        for (Map.Entry<Path, String> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "changed or removed: " + e.getKey());
        }
    }

    /** No exception name, stack frame or library log line reached the terminal. */
    static void assertNoJavaNoise(Outcome outcome) {
        String all = outcome.out() + outcome.err();
        assertFalse(JAVA_NOISE.matcher(all).find(), "Java internals on the terminal:\n" + all);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String article(String frontMatter, String body) {
        return "---\n" + frontMatter + "---\n" + body;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.digestpress.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only folder of templates or fonts: either a real folder (the repository's
 * {@code templates/}, or one given with {@code --templates}) or the copy packaged in the jar, so
 * the jar works on its own. Names are relative and use {@code /}.
 */
public interface Assets {

    /** The bytes of {@code name}, or empty when there is no such file. */
    Optional<byte[]> read(String name);

    /** A real folder, if these assets live on disk (FreeMarker and fonts load faster from files). */
    Optional<Path> folder();

    /** For messages: where these assets come from. */
    String describe();

    static Assets directory(Path dir) {
        return directory(dir, "assets");
    }

    /**
     * A real folder of {@code kind} ("templates", "fonts"); a folder that does not exist is a broken
     * installation. Files are read only when they lie inside it with every link followed.
     */
    static Assets directory(Path dir, String kind) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InstallationProblem("The " + kind + " folder " + dir + " does not exist"
                    + (Files.exists(root) ? " as a folder" : "") + ".");
        }
        return new Assets() {
            @Override
            public Optional<byte[]> read(String name) {
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                if (!Confinement.inside(file, root)) {
                    throw new InstallationProblem("The file " + file + " is a link to " + Confinement.real(file)
                            + ", outside the " + kind + " folder; " + kind + " are read only from inside it.");
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new InstallationProblem("The file " + file + " cannot be read: " + e.getMessage() + ".", e);
                }
            }

            @Override
            public Optional<Path> folder() {
                return Optional.of(root);
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }

    /** Assets packaged in the jar under {@code /prefix/}. */
    static Assets classpath(String prefix) {
        return new Assets() {
            @Override
            public Optional<byte[]> read(String name) {
                try (InputStream in = Assets.class.getResourceAsStream("/" + prefix + "/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Path> folder() {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "the " + prefix + " built into digestpress";
            }
        };
    }
}

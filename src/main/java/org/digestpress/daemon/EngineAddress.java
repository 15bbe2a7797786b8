package org.digestpress.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where an engine listens, the secret a client must present and the secret the engine answers
 * with: one line {@code PORT TOKEN ANSWER PID} in a 0600 file inside the 0700 runtime folder. The
 * answer lets the client know it reached the engine and not whatever took the port of an engine
 * that was killed (which would then learn a dead token, but could not fake a build's success). The file's name is chosen by the launcher:
 * {@code engine-<identity>-<folder>.addr}, where the identity is a hash of the jar, the JDK, the
 * JVM flags and the environment the JVM reads at start-up, and the folder a hash of the working
 * folder, so a client never reaches an engine of another build of digestpress, another JDK or
 * another folder. The file is written beside and renamed, so a client never reads half of it.
 *
 * @param file  the address file
 * @param port  the loopback TCP port
 * @param token  the client's secret, 64 hex digits
 * @param answer the engine's secret, 64 hex digits: its first line to a client is {@code k} + this
 * @param pid    the engine's process id
 */
record EngineAddress(Path file, int port, String token, String answer, long pid) {

    static final String SUFFIX = ".addr";

    static String newToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Writes the file 0600 from its first byte (never readable by others, not even for a moment). */
    void write() throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + "." + pid + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(RuntimeFolder.SECRET));
        Files.writeString(temp, port + " " + token + " " + answer + " " + pid + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether the file still names this engine (it may have been deleted or replaced). */
    boolean current() {
        return read(file).filter(a -> a.pid == pid && a.token.equals(token)).isPresent();
    }

    /** Removes the file if it still names this engine (a newer engine may have replaced it). */
    void remove() {
        try {
            if (current()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the next client finds nobody listening there and starts an engine of its own
        }
    }

    static Optional<EngineAddress> read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new EngineAddress(file, Integer.parseInt(parts[0]), parts[1], parts[2],
                    Long.parseLong(parts[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every engine address in the runtime folder. */
    static List<EngineAddress> all(Path folder) {
        List<EngineAddress> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "engine-*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(found::add);
            }
        } catch (IOException e) {
            // an unreadable folder holds no engine we could talk to
        }
        found.sort(java.util.Comparator.comparing(a -> a.file().getFileName().toString()));
        return found;
    }
}

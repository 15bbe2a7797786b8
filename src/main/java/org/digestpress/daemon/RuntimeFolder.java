package org.digestpress.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's private folder for engines: their address files (port and secret token), locks and
 * logs. The same rules as the {@code digest} launcher: {@code DIGESTPRESS_RUNTIME_DIR} (tests give
 * each run its own), else {@code $XDG_RUNTIME_DIR/digestpress}, else {@code /tmp/digestpress-UID}.
 * A folder in /tmp can be made by anyone beforehand, so it is trusted only when it is a real
 * folder (not a link) owned by this user with mode 0700: whoever could read it could use the
 * engine with the user's rights.
 */
public final class RuntimeFolder {

    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");

    private RuntimeFolder() {
    }

    /** The folder these rules name for this process (it may not exist yet). */
    public static Path of(Map<String, String> env) {
        String explicit = env.get("DIGESTPRESS_RUNTIME_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "digestpress");
        }
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "digestpress-" + uid());
    }

    /** Why {@code folder} may not be trusted, if it may not; empty when it is this user's, 0700, not a link. */
    public static Optional<String> distrust(Path folder) {
        try {
            if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(folder + " is not a folder");
            }
            int owner = (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != uid()) {
                return Optional.of(folder + " belongs to another user (uid " + owner + ")");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
            if (!mode.equals(PRIVATE)) {
                return Optional.of(folder + " has mode " + PosixFilePermissions.toString(mode) + ", not rwx------");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of(folder + " cannot be checked (" + e.getMessage() + ")");
        }
    }

    /** This process's user id. */
    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}

package org.digestpress.daemon;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.digestpress.assets.PrivateFolder;

/**
 * The user's private folder for engines: their address files (port and secret token), locks and
 * logs. The same rules as the {@code digest} launcher: {@code DIGESTPRESS_RUNTIME_DIR} (tests give
 * each run its own), else {@code $XDG_RUNTIME_DIR/digestpress}, else {@code /tmp/digestpress-UID}.
 * A folder in /tmp can be made by anyone beforehand, so it is trusted only when it is a
 * {@link PrivateFolder}: whoever could read it could use the engine with the user's rights.
 */
public final class RuntimeFolder {

    static final Set<PosixFilePermission> PRIVATE = PrivateFolder.PRIVATE;
    static final Set<PosixFilePermission> SECRET = PrivateFolder.SECRET;

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
        return PrivateFolder.distrust(folder);
    }

    /** This process's user id. */
    static int uid() {
        return PrivateFolder.uid();
    }
}

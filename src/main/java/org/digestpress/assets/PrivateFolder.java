package org.digestpress.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A folder only this user can use: the engines' runtime folder, serve's kept builds. A folder in
 * /tmp or a shared home can be made by someone else beforehand, or replaced by a link, so it is
 * trusted only when it is a real folder (not a link) owned by this user with mode 0700, and no
 * folder above it can be changed by another user: one owned by another user than this one or
 * root, or one every user may write to without the sticky bit (as /tmp has), would let them put
 * another folder or a link in its place between the check and the use. Folders above it are
 * checked as named and with links followed. A folder only its group may write to is trusted,
 * as a home with its user's own group often is.
 */
public final class PrivateFolder {

    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {
    }

    /** Makes {@code folder} 0700 if it is missing (its parents as usual), then checks it; the reason it may not be used, if so. */
    public static Optional<String> make(Path folder) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = folder.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile by another process: checked below like any other
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(folder + " cannot be made (" + e.getMessage() + ")");
        }
        return distrust(folder);
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
            return changeableAbove(folder);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of(folder + " cannot be checked (" + e.getMessage() + ")");
        }
    }

    /** The first folder above {@code folder} that another user could change, in words; empty when none. */
    private static Optional<String> changeableAbove(Path folder) throws IOException {
        Set<Path> above = new java.util.LinkedHashSet<>();
        for (Path p = folder.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            above.add(p);
        }
        for (Path p = folder.toRealPath().getParent(); p != null; p = p.getParent()) {
            above.add(p);
        }
        int me = uid();
        for (Path dir : above) {
            if (Files.isSymbolicLink(dir)) {
                continue; // where it leads is among the folders with links followed
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (owner != 0 && owner != me) {
                return Optional.of(dir + ", above " + folder + ", belongs to another user (uid " + owner + ")");
            }
            if ((mode & 0002) != 0 && (mode & 01000) == 0) {
                return Optional.of(dir + ", above " + folder + ", can be changed by every user (mode "
                        + Integer.toOctalString(mode & 07777) + ", without the sticky bit)");
            }
        }
        return Optional.empty();
    }

    /** This process's user id. */
    public static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}

package org.digestpress.assets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a path stays inside a folder once every symbolic link on the way is followed. A build
 * reads only from the publication, the templates and the fonts; comparing names alone would let a
 * link inside one of them lead anywhere on the disk, so every check compares real paths.
 */
public final class Confinement {

    private Confinement() {
    }

    /**
     * The path with every link followed. For a path that does not exist (yet), the real path of its
     * nearest existing parent with the remaining names appended: that is where a file would be created.
     */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : real(parent).resolve(absolute.getFileName().toString());
        }
    }

    /**
     * Whether {@code path}, links followed, is {@code root} or lies below it (links followed too).
     * Every source is checked here before it is read, so a path that passes is reported to the
     * build's {@link World}: the archive hashes exactly what its builds read.
     */
    public static boolean inside(Path path, Path root) {
        boolean inside = real(path).startsWith(real(root));
        if (inside) {
            World.reading(path);
        }
        return inside;
    }
}

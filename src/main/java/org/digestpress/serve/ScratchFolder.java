package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's private folder in the temporary folder, for the PDFs of its builds. It is deleted
 * when the server closes, and also when the JVM ends without a close: stopped (Ctrl-C, SIGTERM)
 * during the first build, before the command has a server to close (such folders had piled up).
 */
final class ScratchFolder {

    private final Path folder;
    private final Thread onExit;

    ScratchFolder() throws IOException {
        folder = Files.createTempDirectory("digest-serve");
        onExit = new Thread(this::delete, "digest-scratch");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    Path resolve(String name) {
        return folder.resolve(name);
    }

    /** Deletes the folder now; nothing is left for the JVM's end to do. */
    void drop() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is ending: the hook runs anyway and finds nothing to delete
        }
    }

    /** Deletes what is in the folder now, and the folder (a build that ends after the close wrote into it again). */
    void delete() {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch file left in the temp folder is harmless
        }
    }
}

package org.digestpress.archetype;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file that must not exist yet, all at once: the text goes into a hidden file of the same
 * folder, which is then hard-linked under its name. Making a link fails when the name is taken (by
 * a file, a folder or a symbolic link, even a dangling one), so nothing is ever overwritten or
 * written through a link, and no reader ever sees half a file. Where the file system has no hard
 * links, the file is created exclusively and written in place ({@code O_CREAT|O_EXCL} does not
 * follow a link at the name either).
 */
final class CreateOnly {

    private CreateOnly() {
    }

    /** @throws FileAlreadyExistsException when something already has the name */
    static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path folder = file.toAbsolutePath().getParent();
        // Created with open() rather than createTempFile, so the mode follows the umask (0644 as a rule).
        Path hidden = folder.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong() & Long.MAX_VALUE) + ".part");
        try {
            writeNew(hidden, bytes);
        } catch (IOException e) {
            // a folder we may not write into and the like: the direct attempt says why in the user's terms
            writeNew(file, bytes);
            return;
        }
        try {
            Files.createLink(file, hidden);
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof FileAlreadyExistsException || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw e instanceof FileAlreadyExistsException f ? f : new FileAlreadyExistsException(file.toString());
            }
            writeNew(file, bytes);
        } finally {
            Files.deleteIfExists(hidden);
        }
    }

    /** Creates {@code file} exclusively; a file it made but could not fill (a full disk) is removed again. */
    private static void writeNew(Path file, byte[] bytes) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}

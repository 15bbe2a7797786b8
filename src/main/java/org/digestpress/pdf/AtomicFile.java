package org.digestpress.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * A file replaced whole or not at all: the new bytes appear under the file's name only when
 * complete, so a failed build never leaves a broken or half-written file where the previous one
 * was. Every edition (PDF, web, e-mail, thumbnails) writes its files this way.
 */
final class AtomicFile {
    /** Names of temporary files only; nothing that reaches the output. */
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private AtomicFile() {
    }

    /**
     * Writes next to the target, then renames, so readers never see a partial file. The temporary
     * file is created like any new file (mode 0666 less the umask, so usually 0644), not with
     * {@code Files.createTempFile}, whose 0600 the rename would keep: a web server publishing the
     * folder could not read the PDF.
     */
    static void write(Path output, byte[] bytes) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; temp == null; attempt++) {
                Path candidate = dir.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36) + ".tmp");
                try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    temp = candidate;
                    out.write(bytes);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Why a file cannot be written, in words, without the name of our temporary file. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "the system refused it" : e.getMessage();
    }
}

package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceGuardTest {

    @TempDir
    Path temp;

    @Test
    void aLinkInsideAnAllowedFolderThatLeadsOutIsRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("publication"));
        Files.writeString(temp.resolve("secret.png"), "secret");
        Path link = Files.createSymbolicLink(root.resolve("logo.png"), temp.resolve("secret.png"));
        ResourceGuard guard = new ResourceGuard(List.of(root));
        assertNull(guard.getUrl(link.toUri().toString()).getStream());
        assertEquals(List.of(link.toUri().toString()), List.copyOf(guard.refused()));
        assertTrue(guard.read().isEmpty());
    }

    @Test
    void filesInsideAndLinksStayingInsideAreServed() throws IOException {
        Path root = Files.createDirectories(temp.resolve("publication"));
        Path logo = Files.writeString(root.resolve("logo.png"), "logo");
        Path link = Files.createSymbolicLink(root.resolve("alias.png"), logo);
        ResourceGuard guard = new ResourceGuard(List.of(root));
        try (var in = guard.getUrl(link.toUri().toString()).getStream()) {
            assertEquals("logo", new String(in.readAllBytes()));
        }
        assertTrue(guard.refused().isEmpty());
        assertFalse(guard.read().isEmpty());
    }

    @Test
    void otherProtocolsAndOutsideFilesAreRefusedInSortedOrder() {
        ResourceGuard guard = new ResourceGuard(List.of(temp));
        guard.getUrl("https://example.org/x.png");
        guard.getUrl("file:///etc/passwd");
        guard.getUrl("data:image/png;base64,AAAA");
        assertEquals(List.of("data:image/png;base64,AAAA", "file:///etc/passwd", "https://example.org/x.png"),
                List.copyOf(guard.refused()));
    }

    @Test
    void anUnwritableOutputIsExplainedWithoutTheTemporaryFile() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "notes");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> PdfWriter.writeAtomically(file.resolve("issue.pdf"), new byte[] {1}));
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        assertEquals(file + " exists and is not a folder", e.getMessage());
        assertEquals("notes", Files.readString(file));
    }
}

package org.digestpress.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new file is made whole or not at all, and never over or through anything at its name. */
class CreateOnlyTest {

    @TempDir
    Path temp;

    @Test
    void aNewNameGetsTheWholeTextAndNoLeftovers() throws IOException {
        Path file = temp.resolve("01-a.md");
        CreateOnly.write(file, "текст");
        assertEquals("текст", Files.readString(file));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(1, files.count(), "the hidden part file is gone");
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path file = Files.writeString(temp.resolve("01-a.md"), "old");
        assertThrows(FileAlreadyExistsException.class, () -> CreateOnly.write(file, "new"));
        assertEquals("old", Files.readString(file));
    }

    @Test
    void aLinkAtTheNameIsNotFollowed() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim.txt"), "keep");
        Path link = Files.createSymbolicLink(temp.resolve("01-a.md"), victim);
        assertThrows(FileAlreadyExistsException.class, () -> CreateOnly.write(link, "new"));
        assertEquals("keep", Files.readString(victim));

        Path nowhere = temp.resolve("not-yet.txt");
        Path dangling = Files.createSymbolicLink(temp.resolve("02-b.md"), nowhere);
        assertThrows(FileAlreadyExistsException.class, () -> CreateOnly.write(dangling, "new"));
        assertFalse(Files.exists(nowhere), "a dangling link's target is not created");
    }
}

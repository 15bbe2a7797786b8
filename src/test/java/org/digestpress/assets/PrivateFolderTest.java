package org.digestpress.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private folder is trusted only when nobody else can put another folder or a link in its
 * place: not under a folder every user may write to without the sticky bit, not under another
 * user's folder, as named or with links followed.
 */
class PrivateFolderTest {

    @TempDir
    Path temp;

    @Test
    void aFolderOfOnesOwnUnderTheTemporaryFolderIsTrusted() {
        assertEquals(Optional.empty(), PrivateFolder.make(temp.resolve("private")));
    }

    @Test
    void notUnderAFolderEveryUserMayChange() throws Exception {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setAttribute(open, "unix:mode", 0777);
        Optional<String> why = PrivateFolder.make(open.resolve("private"));
        assertTrue(why.isPresent() && why.get().contains(open + ", above") && why.get().contains("mode 777"),
                String.valueOf(why));

        Files.setAttribute(open, "unix:mode", 01777); // as /tmp: others may add, not rename or remove ours
        assertEquals(Optional.empty(), PrivateFolder.distrust(open.resolve("private")));
    }

    @Test
    void notThroughALinkIntoSuchAFolder() throws Exception {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setAttribute(open, "unix:mode", 0777);
        Path inside = Files.createDirectory(open.resolve("inside"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), inside);
        Optional<String> why = PrivateFolder.make(link.resolve("private"));
        assertTrue(why.isPresent() && why.get().contains(open + ", above"), String.valueOf(why));
    }

    @Test
    void notUnderAnotherUsersFolder() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PrivateFolder.uid() == 0, "only root can give a folder away");
        Path theirs = Files.createDirectory(temp.resolve("theirs"));
        Files.setAttribute(theirs, "unix:uid", 65534);
        Path folder = theirs.resolve("private");
        Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PrivateFolder.PRIVATE));
        Optional<String> why = PrivateFolder.distrust(folder);
        assertTrue(why.isPresent() && why.get().contains("belongs to another user (uid 65534)"), String.valueOf(why));
        Files.setAttribute(theirs, "unix:uid", 0);
    }
}

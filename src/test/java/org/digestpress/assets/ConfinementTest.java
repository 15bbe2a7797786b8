package org.digestpress.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinementTest {

    @TempDir
    Path temp;

    @Test
    void aLinkIsJudgedByWhereItLeads() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path outside = Files.writeString(temp.resolve("secret.txt"), "x");
        Path inside = Files.writeString(root.resolve("inside.txt"), "y");
        Path leaving = Files.createSymbolicLink(root.resolve("leaving.txt"), outside);
        Path staying = Files.createSymbolicLink(root.resolve("staying.txt"), inside);
        assertTrue(Confinement.inside(inside, root));
        assertTrue(Confinement.inside(staying, root));
        assertFalse(Confinement.inside(leaving, root));
        assertFalse(Confinement.inside(root.resolve("../secret.txt"), root));
    }

    @Test
    void aLinkedFolderLeadsEverythingBelowItOutside() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.md"), "a");
        Files.createSymbolicLink(root.resolve("section"), elsewhere);
        assertFalse(Confinement.inside(root.resolve("section/a.md"), root));
        assertFalse(Confinement.inside(root.resolve("section/not-yet.md"), root), "a file that would be created there");
    }

    @Test
    void aRootReachedThroughALinkStillContainsItsFiles() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real"));
        Files.writeString(real.resolve("a.md"), "a");
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), real);
        assertTrue(Confinement.inside(alias.resolve("a.md"), alias));
        assertTrue(Confinement.inside(real.resolve("a.md"), alias));
        assertEquals(real.toRealPath().resolve("new/file.pdf"), Confinement.real(alias.resolve("new/file.pdf")));
    }

    @Test
    void aMissingAssetsFolderIsAnInstallationProblem() {
        InstallationProblem problem = assertThrows(InstallationProblem.class,
                () -> Assets.directory(temp.resolve("none"), "templates"));
        assertEquals("The templates folder " + temp.resolve("none") + " does not exist.", problem.getMessage());
    }

    @Test
    void assetsAreNotReadThroughLinksLeavingTheirFolder() throws IOException {
        Path fonts = Files.createDirectories(temp.resolve("fonts"));
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(fonts.resolve("PTF55F.ttf"), temp.resolve("secret.txt"));
        Files.writeString(fonts.resolve("real.ttf"), "font");
        Assets assets = Assets.directory(fonts, "fonts");
        InstallationProblem problem = assertThrows(InstallationProblem.class, () -> assets.read("PTF55F.ttf"));
        assertEquals("The file " + fonts.resolve("PTF55F.ttf") + " is a link to " + temp.resolve("secret.txt").toRealPath()
                + ", outside the fonts folder; fonts are read only from inside it.", problem.getMessage());
        assertTrue(assets.read("../secret.txt").isEmpty());
        assertEquals("font", new String(assets.read("real.ttf").orElseThrow()));
    }
}

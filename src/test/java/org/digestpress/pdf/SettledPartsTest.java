package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.digestpress.engine.WorkspaceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept workspace takes the parts of the issue (cover, contents, each section) that did not
 * change as an earlier build's float placement settled them, instead of placing them again; the
 * PDF must be the one an uncached build makes, byte for byte: unchanged, after an edit of one
 * article, after reverting it; and parts that share composed text are not kept at all.
 */
class SettledPartsTest {

    @TempDir
    Path temp;

    @Test
    void keptPartsGiveTheBytesOfAnUncachedBuildBeforeAndAfterAnEdit() throws IOException {
        Path publication = WorkspaceTest.copy(BuiltIssue.SAMPLE, temp.resolve("sample"));
        Workspace workspace = Pipeline.workspace();
        byte[] first = build(workspace, publication, "first.pdf");
        assertEquals(0, workspace.layoutMemory().partsReused(), "nothing kept before the first build");

        byte[] again = build(workspace, publication, "again.pdf");
        int unchanged = workspace.layoutMemory().partsReused();
        assertTrue(unchanged >= 5, "every part of an unchanged issue is taken settled: " + unchanged);
        assertArrayEquals(first, again, "an unchanged issue, from kept parts");

        Path article = Files.list(publication.resolve("2025-06/research")).filter(p -> p.toString().endsWith(".md"))
                .sorted().findFirst().orElseThrow();
        String text = Files.readString(article);
        Files.writeString(article, text + "\nЕщё один абзац в конце статьи, чтобы её страницы сдвинулись: "
                + "текст, который занимает не одну строку и переносится по словам.\n");
        byte[] edited = build(workspace, publication, "edited.pdf");
        int afterEdit = workspace.layoutMemory().partsReused() - unchanged;
        assertTrue(afterEdit >= 4 && afterEdit < unchanged, "all parts but the edited section are kept: " + afterEdit);
        assertArrayEquals(uncached(publication, "edited-uncached.pdf"), edited, "after an edit of one article");
        assertFalse(java.util.Arrays.equals(first, edited), "the edit shows");

        Files.writeString(article, text);
        assertArrayEquals(first, build(workspace, publication, "reverted.pdf"), "after reverting the edit");
    }

    @Test
    void partsThatComposeTheSameTextDifferentlyAreNotKept() throws IOException {
        // The stress fixture sets one paragraph in two sections at different measures, so the
        // composer's plan (kept by text) depends on both: nothing may be kept. It also stops at
        // the pass limit, and must say so on every build.
        Path publication = WorkspaceTest.copy(BuiltIssue.REPO.resolve("src/test/resources/stress"), temp.resolve("stress"));
        Workspace workspace = Pipeline.workspace();
        BuildResult first = workspace.build(BuiltIssue.request(publication, temp.resolve("s1.pdf")));
        BuildResult second = workspace.build(BuiltIssue.request(publication, temp.resolve("s2.pdf")));
        assertFalse(second.failed(), second.problems().toString());
        assertEquals(0, workspace.layoutMemory().partsReused());
        assertArrayEquals(Files.readAllBytes(first.pdf()), Files.readAllBytes(second.pdf()));
        assertEquals(first.problems().toString(), second.problems().toString());
        assertTrue(second.problems().stream().anyMatch(p -> p.message().contains("layout passes")), second.problems().toString());
    }

    private byte[] build(Workspace workspace, Path publication, String name) throws IOException {
        BuildResult result = workspace.build(BuiltIssue.request(publication, temp.resolve(name)));
        assertFalse(result.failed(), result.problems().toString());
        return Files.readAllBytes(result.pdf());
    }

    private byte[] uncached(Path publication, String name) throws IOException {
        BuildResult result = Pipeline.build(BuiltIssue.request(publication, temp.resolve(name)));
        assertFalse(result.failed(), result.problems().toString());
        return Files.readAllBytes(result.pdf());
    }
}

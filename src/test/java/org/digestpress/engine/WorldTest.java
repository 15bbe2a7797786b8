package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.assets.World;
import org.digestpress.pdf.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build's reads: the same from a cold and a warm build, and apart for builds running at the same time. */
class WorldTest {

    @TempDir
    Path temp;

    @Test
    void aWarmBuildWritesTheManifestAndIdOfAColdOne() throws IOException {
        Path publication = WorkspaceTest.copy(BuiltIssue.SAMPLE, temp.resolve("sample"));
        for (String folder : List.of("cold", "first", "warm")) {
            Files.createDirectories(temp.resolve(folder));
        }
        BuildResult cold = Pipeline.build(BuiltIssue.request(publication, temp.resolve("cold/issue.pdf")));
        assertFalse(cold.failed(), cold.problems().toString());
        Workspace workspace = Pipeline.workspace();
        workspace.build(BuiltIssue.request(publication, temp.resolve("first/issue.pdf")));
        // Every article is kept now: this build reads none of them, nor the CSV behind the chart.
        BuildResult warm = workspace.build(BuiltIssue.request(publication, temp.resolve("warm/issue.pdf")));
        assertFalse(warm.failed(), warm.problems().toString());

        String manifest = Files.readString(Manifest.fileFor(cold.pdf()));
        assertTrue(manifest.contains("2025-06/research/regions-growth.csv"), manifest);
        assertTrue(manifest.contains("2025-06/events/01-moskva-klastery.md"), manifest);
        assertEquals(manifest, Files.readString(Manifest.fileFor(warm.pdf())), "the warm build's manifest");
        assertEquals(id(cold.pdf()), id(warm.pdf()), "the warm build's /ID");
        assertArrayEquals(Files.readAllBytes(cold.pdf()), Files.readAllBytes(warm.pdf()));
    }

    @Test
    void aKeptArticleWhoseDataBecomesALinkOutsideIsRefusedAsInAColdBuild() throws IOException {
        Path publication = WorkspaceTest.copy(BuiltIssue.SAMPLE, temp.resolve("sample"));
        Workspace workspace = Pipeline.workspace();
        assertFalse(workspace.build(BuiltIssue.request(publication, temp.resolve("a.pdf"))).failed());
        Path csv = publication.resolve("2025-06/research/regions-growth.csv");
        Path outside = temp.resolve("secret.csv");
        Files.move(csv, outside);
        Files.createSymbolicLink(csv, outside);
        BuildResult warm = workspace.build(BuiltIssue.request(publication, temp.resolve("b.pdf")));
        BuildResult cold = Pipeline.build(BuiltIssue.request(publication, temp.resolve("c.pdf")));
        assertTrue(cold.failed(), cold.problems().toString());
        assertEquals(cold.problems().toString(), warm.problems().toString(), "refused at the same file and line");
    }

    @Test
    void buildsRunningAtTheSameTimeRecordTheirOwnReads() throws IOException {
        Path sample = WorkspaceTest.copy(BuiltIssue.SAMPLE, temp.resolve("sample"));
        Path fixture = WorkspaceTest.copy(BuiltIssue.FIXTURE, temp.resolve("fixture"));
        CompletableFuture<SortedMap<Path, String>> one = CompletableFuture.supplyAsync(() ->
                reads(BuiltIssue.request(sample, temp.resolve("one.pdf"))));
        CompletableFuture<SortedMap<Path, String>> two = CompletableFuture.supplyAsync(() ->
                reads(BuiltIssue.request(fixture, temp.resolve("two.pdf"))));
        SortedMap<Path, String> ofSample = one.join();
        SortedMap<Path, String> ofFixture = two.join();
        assertTrue(ofSample.keySet().stream().anyMatch(p -> p.startsWith(sample)), ofSample.toString());
        assertTrue(ofFixture.keySet().stream().anyMatch(p -> p.startsWith(fixture)), ofFixture.toString());
        assertTrue(ofSample.keySet().stream().noneMatch(p -> p.startsWith(fixture)), "the sample's build read the fixture");
        assertTrue(ofFixture.keySet().stream().noneMatch(p -> p.startsWith(sample)), "the fixture's build read the sample");
    }

    private static SortedMap<Path, String> reads(BuildRequest request) {
        World world = request.world();
        BuildResult result = world.during(() -> Pipeline.build(request));
        assertFalse(result.failed(), result.problems().toString());
        return world.read();
    }

    private static String id(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertNotNull(id, "a trailer /ID");
            return id.toString();
        }
    }
}

package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InputHashes;
import org.digestpress.engine.Workspace;
import org.digestpress.engine.WorkspaceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build serve keeps for its next start is shown again only when nothing it was made from has
 * changed: an edited article, a new file in a section, an edited template or font, a damaged or
 * replaced record each mean waiting for the first build. The cache folder is used only when it is
 * private, and its files are never read through a link.
 */
class KeptBuildTest {

    @TempDir
    Path temp;

    private Path publication;
    private Path templates;
    private Path fonts;
    private Path cache;
    private BuildRequest request;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void buildAndKeep() throws IOException {
        publication = ServedFixture.copy(temp);
        templates = WorkspaceTest.copy(BuiltIssue.REPO.resolve("templates"), temp.resolve("templates"));
        fonts = BuiltIssue.REPO.resolve("fonts");
        cache = temp.resolve("cache").resolve("serve");
        request = new BuildRequest(publication, null, temp.resolve("scratch/issue.pdf"), true, true,
                Assets.directory(templates), Assets.directory(fonts));
        Workspace workspace = Pipeline.workspace();
        Workspace.IssueBuild built = workspace.buildIssue(request);
        assertFalse(built.result().failed(), String.valueOf(built.result().problems()));
        kept().save(built, built.laidOut().pdf(), hashes());
        // A warm build reads from its caches; what it records must keep the same build.
        Workspace.IssueBuild again = workspace.buildIssue(request);
        kept().save(again, again.laidOut().pdf(), hashes());
    }

    @Test
    void anUnchangedPublicationGetsItsPagesBack() throws IOException {
        Optional<KeptBuild.Restored> restored = kept().restore(this::hashes);
        assertTrue(restored.isPresent(), "nothing changed since it was kept");
        assertArrayEquals(Files.readAllBytes(temp.resolve("scratch/issue.pdf")), restored.get().pdf());
        assertEquals("2030-01", restored.get().issue());
        assertEquals(List.of("Новости", "В Калуге открылся завод двигателей"),
                restored.get().contents().stream().limit(2).map(e -> e.title().replace("\u00ad", "").replace("\u00a0", " ")).toList());
        assertEquals(4, restored.get().contents().get(1).page());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
    }

    /** One record per publication served: the folder keeps the builds kept most recently, not every one ever made. */
    @Test
    void theFolderKeepsTheLastBuildsAndNotEveryOneEverKept() throws IOException {
        long hourAgo = System.currentTimeMillis() - 2 * 3_600_000L;
        List<Path> older = new ArrayList<>();
        for (int i = 0; i < KeptBuild.KEPT_BUILDS + 4; i++) {
            String key = String.format("%032x", i + 1);
            Path record = Files.writeString(cache.resolve(key + ".json"), "{}");
            Files.writeString(cache.resolve(key + ".pdf"), "%PDF-");
            for (Path file : List.of(record, cache.resolve(key + ".pdf"))) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(hourAgo + i * 1000L));
            }
            older.add(record);
        }
        Path orphan = Files.writeString(cache.resolve("f".repeat(32) + ".pdf"), "%PDF-");
        Path leftover = Files.writeString(cache.resolve("x.json.123.1.tmp"), "");
        Path fresh = Files.writeString(cache.resolve("y.json.123.1.tmp"), "");
        Path foreign = Files.writeString(cache.resolve("notes.txt"), "mine");
        for (Path file : List.of(orphan, leftover)) {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(hourAgo));
        }

        Workspace.IssueBuild built = Pipeline.workspace().buildIssue(request);
        kept().save(built, built.laidOut().pdf(), hashes());

        assertTrue(kept().restore(this::hashes).isPresent(), "the build just kept stays");
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(KeptBuild.KEPT_BUILDS, files.filter(f -> f.toString().endsWith(".json")).count());
        }
        for (int i = 0; i < older.size(); i++) {
            Path pdf = older.get(i).resolveSibling(older.get(i).getFileName().toString().replace(".json", ".pdf"));
            boolean stays = i >= 5; // the 20 older ones and the new one: the 5 least recently kept go
            assertEquals(stays, Files.exists(older.get(i)), "record " + i);
            assertEquals(stays, Files.exists(pdf), "its PDF " + i);
        }
        assertFalse(Files.exists(orphan), "a PDF whose record was never written");
        assertFalse(Files.exists(leftover), "a write's temporary file from an hour ago");
        assertTrue(Files.exists(fresh), "a write in progress");
        assertTrue(Files.exists(foreign), "not a name of the folder's own");
    }

    /** A click on the kept pages finds its source before the first build is done (that build then brings its own map). */
    @Test
    void theKeptPagesComeWithTheirSourceMap() throws IOException {
        org.digestpress.pdf.SourceMap built = Pipeline.workspace().buildIssue(request).sourceMap();
        org.digestpress.pdf.SourceMap restored = kept().restore(this::hashes).orElseThrow().sources();
        assertTrue(built.size() > 50, "the fixture's map has blocks: " + built.size());
        assertEquals(built.blocks(), restored.blocks(), "every block, its rectangle to the last bit");
        assertEquals(built.files(), restored.files());
        for (org.digestpress.pdf.SourceMap.Block b : built.blocks()) {
            double x = (b.left() + b.right()) / 2;
            double y = (b.top() + b.bottom()) / 2;
            assertEquals(built.at(b.page(), x, y), restored.at(b.page(), x, y), "page " + b.page() + " at " + x + ", " + y);
        }
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        assertEquals(java.util.OptionalInt.of(4), built.pageOf(article, 15), "the article's first paragraph");
        assertEquals(built.pageOf(article, 15), restored.pageOf(article, 15));
    }

    /** The kept record is input like any other: a file it names outside the publication is not offered to the editor. */
    @Test
    void aKeptSourceMapNamesNoFileOutsideThePublication() throws IOException {
        Path record = only(".json");
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) org.digestpress.problem.Json.read(Files.readString(record));
        com.fasterxml.jackson.databind.node.ObjectNode files = (com.fasterxml.jackson.databind.node.ObjectNode) json.path("sources").path("files");
        String key = files.fieldNames().next();
        files.put(key, "/etc/passwd");
        files.put("outside", publication.resolve("../../elsewhere.md").toString());
        files.put("nul", publication.resolve("2030-01").toString() + "/\u0000.md");
        Files.writeString(record, json.toString());
        org.digestpress.pdf.SourceMap restored = kept().restore(this::hashes).orElseThrow().sources();
        assertFalse(restored.files().containsKey(key), "a file outside the publication");
        assertFalse(restored.files().containsKey("outside"), "a path that climbs out of the publication");
        assertFalse(restored.files().containsKey("nul"), "a name with a NUL, which is no path");
        assertFalse(restored.files().isEmpty(), "the other files stay");
    }

    @Test
    void anEditedArticleIsAChange() throws IOException {
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        Files.writeString(article, Files.readString(article) + "\nЕщё одна фраза.\n");
        assertTrue(kept().restore(this::hashes).isEmpty());
    }

    @Test
    void aNewFileInASectionIsAChange() throws IOException {
        Files.writeString(publication.resolve("2030-01/news/03-novoe.md"), "---\ntitle: Новое\n---\nТекст.\n");
        assertTrue(kept().restore(this::hashes).isEmpty());
    }

    @Test
    void aNewerIssueIsAnotherIssue() throws IOException {
        WorkspaceTest.copy(publication.resolve("2030-01"), publication.resolve("2030-02"));
        assertTrue(kept().restore(this::hashes).isEmpty(), "serve builds the newest issue, now 2030-02");
    }

    @Test
    void anEditedTemplateIsAChange() throws IOException {
        Path style = templates.resolve("style.css.ftl");
        Files.writeString(style, Files.readString(style) + "\n/* another rule */\n");
        assertTrue(kept().restore(this::hashes).isEmpty(), "templates are read once and cached, yet they are inputs");
    }

    @Test
    void aDamagedOrReplacedRecordShowsNothing() throws IOException {
        Path record = only(".json");
        String json = Files.readString(record);
        Files.writeString(record, json.substring(0, json.length() / 2));
        assertTrue(kept().restore(this::hashes).isEmpty(), "half a record");
        Files.writeString(record, json);
        assertTrue(kept().restore(this::hashes).isPresent());
        Path pdf = only(".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pdf, bytes);
        assertTrue(kept().restore(this::hashes).isEmpty(), "a PDF the record does not vouch for");
    }

    @Test
    void aRecordThatIsALinkIsNotFollowed() throws IOException {
        Path record = only(".json");
        Path elsewhere = temp.resolve("elsewhere.json");
        Files.move(record, elsewhere);
        Files.createSymbolicLink(record, elsewhere);
        assertTrue(kept().restore(this::hashes).isEmpty());
    }

    @Test
    void aCacheFolderOthersCanReadIsNotUsed() throws IOException {
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(KeptBuild.in(cache, request, warnings::add).isEmpty());
        assertTrue(warnings.size() == 1 && warnings.get(0).contains("not rwx------"), String.valueOf(warnings));

        Path link = temp.resolve("cache").resolve("link");
        Files.createSymbolicLink(link, temp.resolve("elsewhere"));
        Files.createDirectory(temp.resolve("elsewhere"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        assertTrue(KeptBuild.in(link, request, warnings::add).isEmpty(), "a link to a private folder is still a link");
    }

    /** Kept files written into a watched folder would start a build each, forever: such a folder is refused. */
    @Test
    void aCacheFolderInsideAWatchedFolderIsNotUsed() throws IOException {
        assertTrue(KeptBuild.in(publication.resolve(".cache/serve"), request, warnings::add).isEmpty());
        assertTrue(KeptBuild.in(templates.resolve("kept"), request, warnings::add).isEmpty());
        Path link = temp.resolve("looks-outside");
        Files.createSymbolicLink(link, publication);
        assertTrue(KeptBuild.in(link.resolve("serve"), request, warnings::add).isEmpty(), "real paths are compared");
        assertEquals(3, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).contains("which serve watches"), warnings.get(0));
        assertFalse(Files.exists(publication.resolve(".cache")), "nothing is made there");
    }

    @Test
    void theCacheFolderFollowsTheEnvironment() {
        assertEquals(Path.of("/c/serve"), KeptBuild.folder(java.util.Map.of("DIGESTPRESS_CACHE_DIR", "/c",
                "XDG_CACHE_HOME", "/x", "HOME", "/h")).orElseThrow());
        assertEquals(Path.of("/x/digestpress/serve"), KeptBuild.folder(java.util.Map.of("XDG_CACHE_HOME", "/x",
                "HOME", "/h")).orElseThrow());
        assertEquals(Path.of("/h/.cache/digestpress/serve"), KeptBuild.folder(java.util.Map.of(
                "XDG_CACHE_HOME", "relative", "HOME", "/h")).orElseThrow());
        assertTrue(KeptBuild.folder(java.util.Map.of()).isEmpty());
    }

    private KeptBuild kept() {
        return KeptBuild.in(cache, request, warnings::add).orElseThrow();
    }

    private InputHashes hashes() throws IOException {
        return new InputHashes(publication, request.templates(), request.fonts());
    }

    private Path only(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), String.valueOf(found));
            return found.get(0);
        }
    }
}

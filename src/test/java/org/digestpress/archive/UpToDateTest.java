package org.digestpress.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.digestpress.assets.InputHashes;
import org.digestpress.assets.World;
import org.digestpress.cli.CliHarness;
import org.digestpress.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's up-to-date check, fed by the build's {@link World}: a warm build (every article
 * kept, none read again) records the inputs a cold one does, and an edit of any kind of input is
 * a change, its revert none.
 */
class UpToDateTest {

    private static final String VERSION = "test";

    @TempDir
    Path temp;

    @Test
    void aWarmBuildRecordsTheColdInputsAndAnEditOfAnyInputIsNoticed() throws IOException {
        Path publication = temp.resolve("sample");
        Path templates = temp.resolve("templates");
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(BuiltIssue.SAMPLE, publication);
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        CliHarness.copyTree(BuiltIssue.REPO.resolve("fonts"), fonts);
        Assets templateAssets = Assets.directory(templates, "templates");
        Assets fontAssets = Assets.directory(fonts, "fonts");
        Path issue = publication.resolve("2025-06");
        BuildRequest request = new BuildRequest(publication, issue, temp.resolve("out.pdf"), false, true,
                templateAssets, fontAssets);

        Workspace workspace = Pipeline.workspace();
        SortedMap<String, String> cold = inputs(workspace, request);
        SortedMap<String, String> warm = inputs(workspace, request);
        assertEquals(cold, warm, "a warm build records what a cold one read, kept articles included");
        for (String name : List.of("publication/2025-06/research/regions-growth.csv",
                "publication/2025-06/images/moscow-sez.svg", "publication/2025-06/events/01-moskva-klastery.md",
                "publication/2025-06/express/_intro.md", "publication/publication.yaml",
                "publication/2025-06/events/", "templates/issue.ftlx", "fonts/PTS55F.ttf")) {
            assertTrue(cold.containsKey(name), name + " is an input: " + cold.keySet());
        }
        assertTrue(upToDate(cold, publication, templateAssets, fontAssets), "nothing changed yet");

        Map<String, Path> edits = new LinkedHashMap<>();
        edits.put("article", issue.resolve("events/01-moskva-klastery.md"));
        edits.put("CSV", issue.resolve("research/regions-growth.csv"));
        edits.put("SVG", issue.resolve("images/moscow-sez.svg"));
        edits.put("section intro", issue.resolve("express/_intro.md"));
        edits.put("template", templates.resolve("issue.ftlx"));
        edits.put("stylesheet", templates.resolve("style.css.ftl"));
        edits.put("label", templates.resolve("labels/ru.yaml"));
        edits.put("font", fonts.resolve("PTS55F.ttf"));
        for (Map.Entry<String, Path> edit : edits.entrySet()) {
            byte[] before = Files.readAllBytes(edit.getValue());
            Files.write(edit.getValue(), "\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            assertFalse(upToDate(cold, publication, templateAssets, fontAssets), "an edited " + edit.getKey());
            Files.write(edit.getValue(), before);
            assertTrue(upToDate(cold, publication, templateAssets, fontAssets), "a reverted " + edit.getKey());
        }
        Path added = issue.resolve("events/99-novaya.md");
        Files.writeString(added, "---\ntitle: Новая\n---\nТекст.\n");
        assertFalse(upToDate(cold, publication, templateAssets, fontAssets), "a new article in a section");
        Files.delete(added);
        assertTrue(upToDate(cold, publication, templateAssets, fontAssets));
    }

    /** As the archive's build records them: the build's reads through its world, named by {@link InputHashes}. */
    private static SortedMap<String, String> inputs(Workspace workspace, BuildRequest request) throws IOException {
        World world = request.world();
        BuildResult result = world.during(() -> workspace.build(request));
        assertFalse(result.failed(), result.problems().toString());
        return new InputHashes(request.publication(), request.templates(), request.fonts())
                .of(world.read(), request.issue());
    }

    /** {@code Archive.sameInputs}: the recorded names hashed again now give the recorded combined hash. */
    private static boolean upToDate(SortedMap<String, String> recorded, Path publication, Assets templates,
                                    Assets fonts) throws IOException {
        InputHashes now = new InputHashes(publication, templates, fonts);
        return InputHashes.combined(now.again(recorded.keySet()), VERSION)
                .equals(InputHashes.combined(recorded, VERSION));
    }
}

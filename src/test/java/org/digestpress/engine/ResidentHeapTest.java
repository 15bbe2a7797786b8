package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident engine must not grow with every build: one workspace builds an issue 200 times while
 * its article is renamed and edited on every build (a new article key, so a new chart key, each
 * time: what a kept chart compiler used to collect for ever), and the heap after a full
 * collection may not grow beyond a small bound between the 20th and the 200th build.
 *
 * <p>The issue is a small one of its own (two articles, six small charts, a few pages) rather than the
 * sample: 200 builds of the 32-page sample take minutes on two shared cores, and what could leak
 * per build (kept renderings, charts, start pages, problems) is there in any issue.
 */
class ResidentHeapTest {

    private static final int BUILDS = 200;
    private static final int WARM_UP = 20;
    /** Far below what 180 kept charts and renderings take, far above the noise of a collection. */
    private static final long BOUND = 4L << 20;
    /** Charts per article: what a chart compiler kept for ever took about 12 KB a chart. */
    private static final int CHARTS = 6;

    @TempDir
    Path temp;

    @Test
    void theHeapAfterGcDoesNotGrowWithTheBuilds() throws IOException, InterruptedException {
        Path publication = temp.resolve("publication");
        Path issue = publication.resolve("2030-01");
        Files.createDirectories(issue.resolve("news"));
        Files.copy(BuiltIssue.FIXTURE.resolve("publication.yaml"), publication.resolve("publication.yaml"));
        WorkspaceTest.copy(BuiltIssue.FIXTURE.resolve("brand"), publication.resolve("brand"));
        Files.writeString(issue.resolve("issue.yaml"), "number: 1\ndate: \"2030-01\"\n");
        Files.copy(BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md"), issue.resolve("news/01-zavod.md"));
        WorkspaceTest.copy(BuiltIssue.FIXTURE.resolve("2030-01/images"), issue.resolve("images"));

        Workspace workspace = Pipeline.workspace();
        Path previous = null;
        long warm = 0;
        for (int build = 1; build <= BUILDS; build++) {
            Path article = issue.resolve("news/02-item-" + build + ".md");
            if (previous != null) {
                Files.delete(previous);
            }
            Files.writeString(article, article(build));
            previous = article;
            BuildResult result = workspace.build(BuiltIssue.request(publication, temp.resolve("issue.pdf")));
            assertFalse(result.failed(), result.problems().toString());
            if (build == WARM_UP) {
                warm = heapAfterGc();
            }
        }
        long last = heapAfterGc();
        System.out.println("heap after GC: build " + WARM_UP + " " + warm / 1024 + " KB, build " + BUILDS + " " + last / 1024 + " KB");
        assertTrue(last - warm < BOUND, "the heap grew by " + (last - warm) / 1024 + " KB from build " + WARM_UP
                + " to build " + BUILDS + " (" + warm / 1024 + " KB → " + last / 1024 + " KB)");
    }

    /** An article with {@value #CHARTS} charts, each a little different in every build. */
    private static String article(int build) {
        StringBuilder text = new StringBuilder("---\ntitle: \"Заметка номер " + build + "\"\n---\nТекст заметки "
                + build + " с графиками.\n");
        for (int chart = 1; chart <= CHARTS; chart++) {
            text.append("""

                    ```chart
                    id: growth-%d
                    type: bar
                    title: Рост %d
                    x: Год
                    y: [Кластеров]
                    height: 30
                    rows:
                      - [Год, Кластеров]
                      - [2028, %d]
                      - [2029, %d]
                      - [2030, %d]
                    ```
                    """.formatted(chart, build, build, build + chart, build + 2 * chart));
        }
        return text.toString();
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Pipeline#offprints} as another front end (a preview of one article) uses it: one article
 * alone, numbered from the issue PDF's bookmarks when there is one and from page 1 when not, and
 * refused against an issue PDF built from other sources.
 */
class OffprintsTest {

    private static final Path FIXTURE_ISSUE = BuiltIssue.FIXTURE.resolve("2030-01");

    @TempDir
    Path temp;

    private static BuildRequest request(Path issue) {
        return new BuildRequest(BuiltIssue.FIXTURE, issue, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
    }

    @Test
    void oneArticleNumberedFromWhereTheIssueHasIt() throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.FIXTURE);
        Path article = FIXTURE_ISSUE.resolve("research/01-obzor.md");
        Offprints.Result result = Pipeline.offprints(request(FIXTURE_ISSUE), issue.result.pdf(), Set.of(article),
                (a, slug) -> temp.resolve(a.position() + "-" + slug + ".pdf"));
        assertFalse(result.failed(), result.problems().toString());
        assertEquals(6, result.articles().size(), "every article is described");
        assertEquals(1, result.offprints().size(), "only the one asked for is rendered");
        Offprints.Written written = result.offprints().get(0);
        assertEquals(article, written.article().file());
        assertEquals("obzor", Offprints.slug(article));
        int first = written.article().firstPage();
        assertTrue(issue.pagesContaining(written.article().title()).contains(first),
                "the issue has the title on page " + first);
        assertTrue(first > 1);
        try (PDDocument doc = Loader.loadPDF(written.pdf().toFile())) {
            assertEquals(String.valueOf(first), doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices()[0]);
        }
    }

    @Test
    void anEnglishArticlesOffprintIsLabelledInEnglishAndNamesItsSection() throws IOException {
        // Offprints are the issue's own excerpt (issue.ftlx), so an article in another language
        // keeps its labels there too: a separate offprint template once printed «Источник» here.
        Path stress = BuiltIssue.REPO.resolve("src/test/resources/stress");
        Path issueDir = stress.resolve("2031-03");
        BuildRequest request = new BuildRequest(stress, issueDir, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        Path article = issueDir.resolve("news/03-english.md");
        Offprints.Result result = Pipeline.offprints(request, null, Set.of(article), (a, slug) -> temp.resolve(slug + ".pdf"));
        assertFalse(result.failed(), result.problems().toString());
        try (PDDocument doc = Loader.loadPDF(temp.resolve("english.pdf").toFile())) {
            String text = BuiltIssue.normalize(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Source: Test Wire"), text);
            assertFalse(text.contains("Источник: Test Wire"), text);
            // the section's name above the article (offprint__from, set in capitals), not its opener
            assertTrue(text.contains("НОВОСТИ TEST REGION Cluster partners"), "the section's name: " + text);
            assertTrue(BuiltIssue.normalize(doc.getDocumentInformation().getTitle())
                            .startsWith("Cluster partners sign a joint research plan. "),
                    doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void withoutAnIssuePdfPagesStartAtOne() throws IOException {
        Path article = FIXTURE_ISSUE.resolve("briefs/02-reestr.md");
        Offprints.Result result = Pipeline.offprints(request(FIXTURE_ISSUE), null, Set.of(article),
                (a, slug) -> temp.resolve(slug + ".pdf"));
        assertFalse(result.failed(), result.problems().toString());
        assertEquals(1, result.offprints().get(0).article().firstPage());
        try (PDDocument doc = Loader.loadPDF(temp.resolve("reestr.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(BuiltIssue.normalize(text).contains(BuiltIssue.normalize(result.offprints().get(0).article().title())));
            assertFalse(BuiltIssue.normalize(text).contains("Содержание"), "no contents page");
        }
    }

    @Test
    void anIssuePdfOfOtherSourcesIsRefused() throws IOException {
        BuiltIssue january = BuiltIssue.of(BuiltIssue.FIXTURE);
        Path february = BuiltIssue.REPO.resolve("src/test/resources/archive-fixture/2030-02");
        BuildRequest request = new BuildRequest(february.getParent(), february, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        Offprints.Result result = Pipeline.offprints(request, january.result.pdf(), Set.of(),
                (a, slug) -> temp.resolve(slug + ".pdf"));
        assertTrue(result.failed());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("does not match the sources")),
                result.problems().toString());
        assertTrue(result.offprints().isEmpty());
        try (var files = Files.list(temp)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    /** An archived offprint is held to the issue's standard, and carries the data of its own charts only. */
    @Test
    void anOffprintIsPdfA3uAndPdfUa1WithItsOwnChartData() throws Exception {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.SAMPLE);
        Path sampleIssue = BuiltIssue.SAMPLE.resolve(issue.result.issueName());
        Path article = sampleIssue.resolve("research/01-kreativnoe-predprinimatelstvo.md");
        BuildRequest request = new BuildRequest(BuiltIssue.SAMPLE, sampleIssue, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        Offprints.Result result = Pipeline.offprints(request, issue.result.pdf(), Set.of(article),
                (a, slug) -> temp.resolve(slug + ".pdf"));
        assertFalse(result.failed(), result.problems().toString());
        byte[] pdf = Files.readAllBytes(result.offprints().get(0).pdf());
        org.digestpress.pdf.ArchiveQualityTest.assertCompliant(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var names = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().keySet();
            String body = Files.readString(article);
            int charts = body.split("```chart", -1).length - 1;
            assertEquals(charts, names.size(), "one attachment per chart of this article: " + names);
            assertTrue(names.contains("regions-growth.csv"), names.toString());
        }
    }

    /**
     * The offprints {@code digest archive} makes with the issue (typeset once, pages from the
     * laid-out issue) are byte for byte the ones made afterwards from the issue PDF's bookmarks,
     * each article typeset again: the same pages, the same page numbers, the same bytes.
     */
    @Test
    void offprintsMadeWithTheIssueEqualThoseMadeFromItsPdf() throws IOException {
        Path issueDir = BuiltIssue.REPO.resolve("src/test/resources/stress/2031-03");
        BuildRequest request = new BuildRequest(issueDir.getParent(), issueDir, temp.resolve("issue.pdf"), false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        Workspace.IssueWithOffprints together = Pipeline.buildWithOffprints(request,
                (a, slug) -> temp.resolve("together").resolve(a.position() + "-" + slug + ".pdf"));
        assertFalse(together.issue().result().failed(), together.issue().result().problems().toString());
        assertFalse(together.offprints().failed(), together.offprints().problems().toString());
        Offprints.Result apart = Pipeline.offprints(request, together.issue().result().pdf(), Set.of(),
                (a, slug) -> temp.resolve("apart").resolve(a.position() + "-" + slug + ".pdf"));
        assertFalse(apart.failed(), apart.problems().toString());

        assertEquals(apart.articles(), together.offprints().articles(), "the same articles on the same first pages");
        assertEquals(apart.offprints().size(), together.offprints().offprints().size());
        assertTrue(together.offprints().offprints().size() >= 3);
        assertTrue(together.offprints().articles().stream().anyMatch(a -> a.firstPage() > 2));
        for (int i = 0; i < apart.offprints().size(); i++) {
            Offprints.Written a = apart.offprints().get(i);
            Offprints.Written t = together.offprints().offprints().get(i);
            assertEquals(a.pages(), t.pages(), a.article().file().toString());
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(a.pdf()), Files.readAllBytes(t.pdf()),
                    a.article().file().toString());
        }
    }
}

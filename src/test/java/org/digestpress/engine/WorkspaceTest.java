package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resident engine gives what a one-off build gives, after edits too, and typesets one article alone. */
public class WorkspaceTest {

    @TempDir
    Path temp;

    @Test
    void rebuildAfterAnEditEqualsAFreshBuildOfTheEditedIssue() throws IOException {
        Path publication = copy(BuiltIssue.SAMPLE, temp.resolve("sample"));
        Workspace workspace = Pipeline.workspace();
        BuildResult first = workspace.build(BuiltIssue.request(publication, temp.resolve("a.pdf")));
        assertFalse(first.failed(), first.problems().toString());
        BuildResult oneOff = Pipeline.build(BuiltIssue.request(publication, temp.resolve("once.pdf")));
        assertArrayEquals(Files.readAllBytes(oneOff.pdf()), Files.readAllBytes(first.pdf()),
                "the workspace's first build is the one-off build");

        Path article = publication.resolve("2025-06/events/03-mediaklaster-moskva.md");
        String text = Files.readString(article);
        Files.writeString(article, text.replaceFirst("title: \"[^\"]*\"", "title: \"Медиакластер: новый заголовок\""));
        BuildResult warm = workspace.build(BuiltIssue.request(publication, temp.resolve("b.pdf")));
        BuildResult cold = Pipeline.build(BuiltIssue.request(publication, temp.resolve("c.pdf")));
        assertArrayEquals(Files.readAllBytes(cold.pdf()), Files.readAllBytes(warm.pdf()));
        assertTrue(text(warm.pdf()).contains("Медиакластер: новый заголовок"));

        Path csv = publication.resolve("2025-06/research/regions-growth.csv");
        List<String> rows = new ArrayList<>(Files.readAllLines(csv));
        rows.set(1, rows.get(1).replaceFirst(",[^,]*$", ",987.6"));
        Files.write(csv, rows);
        BuildResult afterCsv = workspace.build(BuiltIssue.request(publication, temp.resolve("d.pdf")));
        BuildResult coldCsv = Pipeline.build(BuiltIssue.request(publication, temp.resolve("e.pdf")));
        assertNotEquals(cold.bytes(), 0);
        assertArrayEquals(Files.readAllBytes(coldCsv.pdf()), Files.readAllBytes(afterCsv.pdf()),
                "a changed CSV re-renders the chart that reads it");
    }

    @Test
    void keptArticlesKeepTheirOwnLanguageAndARemovedChartTakesItsDataAlong() throws IOException {
        Path publication = copy(BuiltIssue.REPO.resolve("src/test/resources/stress"), temp.resolve("stress"));
        Workspace workspace = Pipeline.workspace();
        BuildResult first = workspace.build(BuiltIssue.request(publication, temp.resolve("a.pdf")));
        assertFalse(first.failed(), first.problems().toString());
        Path research = publication.resolve("2031-03/research/01-obzor.md");
        String text = Files.readString(research);
        Files.writeString(research, text + "\nЕщё один абзац в конце обзора.\n");
        // A second build keeps the English article as rendered: it must still say "Source", not «Источник».
        BuildResult kept = workspace.build(BuiltIssue.request(publication, temp.resolve("b.pdf")));
        BuildResult once = Pipeline.build(BuiltIssue.request(publication, temp.resolve("once.pdf")));
        assertArrayEquals(Files.readAllBytes(once.pdf()), Files.readAllBytes(kept.pdf()));
        assertTrue(text(kept.pdf()).contains("Source: Test Wire"), "the English article keeps English labels");
        assertEquals(1, embeddedFiles(kept.pdf()), "the research chart's data is attached");

        int chart = text.indexOf("```chart");
        String withoutChart = text.substring(0, chart) + text.substring(text.indexOf("```\n", chart + 3) + 4);
        Files.writeString(research, withoutChart.replace("Динамика показана на @fig:dynamics.", "Динамика растёт."));
        BuildResult warm = workspace.build(BuiltIssue.request(publication, temp.resolve("c.pdf")));
        BuildResult cold = Pipeline.build(BuiltIssue.request(publication, temp.resolve("d.pdf")));
        assertFalse(warm.failed(), warm.problems().toString());
        assertEquals(0, embeddedFiles(warm.pdf()), "no data of a chart the issue no longer has");
        assertArrayEquals(Files.readAllBytes(cold.pdf()), Files.readAllBytes(warm.pdf()));
    }

    private static int embeddedFiles(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
                return 0;
            }
            return names.getEmbeddedFiles().getNames().size();
        }
    }

    @Test
    void anArticleAloneKeepsItsPageAndFigureNumbers() throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.SAMPLE);
        Path article = BuiltIssue.SAMPLE.resolve("2025-06/research/01-kreativnoe-predprinimatelstvo.md");
        Path out = temp.resolve("preview.pdf");
        Workspace workspace = Pipeline.workspace();
        BuildResult result = workspace.excerpt(BuiltIssue.request(BuiltIssue.SAMPLE, null), article, out);
        assertFalse(result.failed(), result.problems().toString());
        List<String> pages = pages(out);
        String title = "Креативное предпринимательство в регионах";
        List<String> footers = footers(out);
        int start = Integer.parseInt(footers.get(0));
        List<Integer> inIssue = issue.pagesContaining(title);
        assertEquals(inIssue.get(inIssue.size() - 1), start, "the preview starts on the page the article starts on");
        assertTrue(start > 10, "the research article starts well inside the issue");
        // The article opens its section and the next section starts on a new page: its pages in the
        // issue hold nothing else, so the preview must be the same pages, line for line.
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(BuiltIssue.normalize(issue.page(start + i)), BuiltIssue.normalize(pages.get(i)),
                    "page " + (start + i));
        }
        assertTrue(BuiltIssue.normalize(issue.page(start + pages.size())).toLowerCase(java.util.Locale.ROOT)
                .contains("новые издания"), "the next section follows");
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(String.valueOf(start + i), footers.get(i), "page " + (i + 1) + " of the preview");
            assertEquals(figures(issue.page(start + i)), figures(pages.get(i)),
                    "figure and table numbers on page " + (start + i));
        }
        assertFalse(String.join("", pages).contains("Содержание"), "no contents page");
        assertEquals(figuresOfArticle(issue, start, pages.size()), figures(String.join("\n", pages)));
        BuildResult again = workspace.excerpt(BuiltIssue.request(BuiltIssue.SAMPLE, null), article, out);
        assertEquals(result.pages(), again.pages());
    }

    private static String figuresOfArticle(BuiltIssue issue, int start, int count) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < count; i++) {
            all.append(issue.page(start + i)).append('\n');
        }
        return figures(all.toString());
    }

    private static final Pattern FIGURE = Pattern.compile("(Рис\\.|Таблица)\\s(\\d+)\\.");

    private static String figures(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = FIGURE.matcher(BuiltIssue.normalize(text));
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return String.join(", ", found);
    }

    /** The text printed in the bottom margin of every page: the page number. */
    private static List<String> footers(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> footers = new ArrayList<>();
            for (var page : document.getPages()) {
                float height = page.getMediaBox().getHeight();
                org.apache.pdfbox.text.PDFTextStripperByArea stripper = new org.apache.pdfbox.text.PDFTextStripperByArea();
                float margin = 20 / 25.4f * 72; // the bottom margin of the stylesheet: 20 mm
                stripper.addRegion("foot", new java.awt.geom.Rectangle2D.Float(0, height - margin,
                        page.getMediaBox().getWidth(), margin));
                stripper.extractRegions(page);
                footers.add(stripper.getTextForRegion("foot").strip());
            }
            return footers;
        }
    }

    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            return texts;
        }
    }

    private static String text(Path pdf) throws IOException {
        return BuiltIssue.normalize(String.join("\n", pages(pdf)));
    }

    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}

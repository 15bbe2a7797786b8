package org.digestpress;

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
    void anArticleAloneKeepsItsPageAndFigureNumbers() throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.SAMPLE);
        Path article = BuiltIssue.SAMPLE.resolve("2025-06/research/01-kreativnoe-predprinimatelstvo.md");
        Path out = temp.resolve("preview.pdf");
        Workspace workspace = Pipeline.workspace();
        BuildResult result = workspace.excerpt(BuiltIssue.request(BuiltIssue.SAMPLE, null), article, out);
        assertFalse(result.failed(), result.problems().toString());
        List<String> pages = pages(out);
        String title = "Креативное предпринимательство в регионах";
        int start = Integer.parseInt(lastNumber(pages.get(0)));
        List<Integer> inIssue = issue.pagesContaining(title);
        assertEquals(inIssue.get(inIssue.size() - 1), start, "the preview starts on the page the article starts on");
        assertTrue(start > 10, "the research article starts well inside the issue");
        assertTrue(BuiltIssue.normalize(issue.page(start + 1)).contains(
                BuiltIssue.normalize(pages.get(1)).substring(0, 120)), "the second page has the same text");
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(String.valueOf(start + i), lastNumber(pages.get(i)), "page " + (i + 1) + " of the preview");
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

    /** The page number printed in the footer: the last number on the page's text. */
    private static String lastNumber(String page) {
        Matcher m = Pattern.compile("(\\d+)\\s*$").matcher(page.strip());
        return m.find() ? m.group(1) : "";
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

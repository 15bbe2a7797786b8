package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.BuiltIssue;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.PublicationLoader;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.junit.jupiter.api.Test;

/** The sample's region index, read back from the PDF as a reader would use it. */
class RegionIndexPdfTest {

    private static final String TITLE = "Указатель регионов";
    private static final Pattern ENTRY = Pattern.compile("^(.*?)\\s*(?:\\.\\s*){3,}((?:\\d+,\\s*)*\\d+)$");

    private final BuiltIssue pdf = BuiltIssue.of(BuiltIssue.SAMPLE);

    @Test
    void theIndexPrintsThePagesWhereTheArticlesOfEachRegionBegin() {
        Map<String, List<Integer>> printed = printedIndex();
        // The pages where the region's articles begin, in issue order, each page once.
        Map<String, List<Integer>> expected = new TreeMap<>();
        for (Article article : sampleIssue().articles()) {
            int page = titlePage(article);
            article.regions().forEach(r -> {
                List<Integer> pages = expected.computeIfAbsent(r.name(), k -> new ArrayList<>());
                if (!pages.contains(page)) {
                    pages.add(page);
                }
            });
        }
        assertEquals(14, expected.size(), "the sample's regions: " + expected.keySet());
        assertEquals(expected.keySet(), printed.keySet());
        expected.forEach((region, pages) -> assertEquals(pages, printed.get(region), region));
    }

    @Test
    void aTwoRegionArticleIsListedUnderBothRegions() {
        Article penzaKaluga = sampleIssue().articles().stream()
                .filter(a -> a.file().getFileName().toString().startsWith("04-penza-kaluga")).findFirst().orElseThrow();
        assertEquals("Пензенская область, Калужская область", penzaKaluga.region());
        int page = titlePage(penzaKaluga);
        Map<String, List<Integer>> printed = printedIndex();
        assertTrue(printed.get("Пензенская область").contains(page));
        assertTrue(printed.get("Калужская область").contains(page));
        assertTrue(pdf.page(page).contains("Пензенская область, Калужская область".toUpperCase())
                || BuiltIssue.normalize(pdf.page(page)).contains("Пензенская область, Калужская область"),
                "the kicker above the title joins both regions");
    }

    @Test
    void everyPageNumberInTheIndexIsALinkToThatPageAndTheIndexIsBookmarked() throws IOException {
        int indexPage = indexPage();
        int numbers = printedIndex().values().stream().mapToInt(List::size).sum();
        try (PDDocument document = pdf.open()) {
            List<Integer> targets = new ArrayList<>();
            for (PDAnnotation annotation : document.getPage(indexPage - 1).getAnnotations()) {
                if (annotation.getRectangle().getWidth() <= 0) {
                    // PDF/UA mode adds a zero-width annotation before each link's real one: nothing to click.
                    continue;
                }
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo goTo
                        && goTo.getDestination() instanceof PDPageDestination dest) {
                    targets.add(dest.retrievePageNumber() + 1);
                } else if (annotation instanceof PDAnnotationLink link && link.getDestination() instanceof PDPageDestination dest) {
                    targets.add(dest.retrievePageNumber() + 1);
                }
            }
            assertEquals(numbers, targets.size(), "one link per printed number");
            TreeSet<Integer> printedPages = new TreeSet<>();
            printedIndex().values().forEach(printedPages::addAll);
            assertEquals(printedPages, new TreeSet<>(targets));
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertEquals(TITLE, bookmarks.get(bookmarks.size() - 1), "the last bookmark: " + bookmarks);
        }
        assertEquals(pdf.pages() - 1, indexPage, "the index is right before the back page");
        assertTrue(Pattern.compile(TITLE + "[ .]*" + indexPage + "\\b").matcher(BuiltIssue.normalize(pdf.page(3))).find(),
                "the contents list the index with its page");
    }

    /** Region → page numbers, as printed on the index page. */
    private Map<String, List<Integer>> printedIndex() {
        Map<String, List<Integer>> entries = new TreeMap<>();
        String[] lines = textInReadingOrder(indexPage()).split("\\R");
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line.replace('\u00a0', ' ').strip());
            if (m.matches() && !m.group(1).isBlank() && !m.group(1).startsWith(TITLE)) {
                List<Integer> pages = new ArrayList<>();
                for (String n : m.group(2).split(",\\s*")) {
                    pages.add(Integer.parseInt(n.strip()));
                }
                entries.put(m.group(1).strip(), pages);
            }
        }
        return entries;
    }

    /** The page's text sorted by position on the page, as a reader sees it (not in drawing order). */
    private String textInReadingOrder(int page) {
        try (PDDocument document = pdf.open()) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The last page with the index's title (the contents page names it too). */
    private int indexPage() {
        List<Integer> pages = pdf.pagesContaining(TITLE);
        return pages.get(pages.size() - 1);
    }

    /** The page where the article's title is printed: its last occurrence, after the contents. */
    private int titlePage(Article article) {
        String title = Typographer.forLanguage(article.language()).text(article.title());
        List<Integer> pages = pdf.pagesContaining(title);
        assertTrue(pages.size() >= 2, "in the contents and above the article: " + title + " " + pages);
        return pages.get(pages.size() - 1);
    }

    private static Issue sampleIssue() {
        Problems problems = new Problems();
        var publication = PublicationLoader.load(BuiltIssue.SAMPLE, problems);
        return IssueLoader.load(publication, BuiltIssue.SAMPLE.resolve("2025-06"), false, problems);
    }
}

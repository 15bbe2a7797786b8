package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No holes: on every page of a section but its last, at most a fifth of the text block is left
 * empty (footnotes and running heads not counted), measured on the PDF as a reader would see it.
 */
class PageQualityTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/stress", "src/test/resources/english"})
    void noPageButTheLastOfASectionIsMoreThanAFifthEmpty(String publication) throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.REPO.resolve(Path.of(publication)));
        try (PDDocument document = issue.open()) {
            // Sections (bookmarks with articles under them) and what follows them at top level (an
            // index) each start a page; the page before each such start may end short.
            TreeSet<Integer> sectionStarts = new TreeSet<>();
            int firstSection = Integer.MAX_VALUE;
            List<Integer> topLevel = new ArrayList<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                topLevel.add(pageOf(document, item));
                if (item.children().iterator().hasNext()) {
                    firstSection = Math.min(firstSection, pageOf(document, item));
                }
            }
            for (int start : topLevel) {
                if (start >= firstSection) {
                    sectionStarts.add(start);
                }
            }
            int back = document.getNumberOfPages();
            List<String> holes = new ArrayList<>();
            StringBuilder report = new StringBuilder();
            for (PageFill.Page page : PageFill.measure(document)) {
                int n = page.number();
                if (n < sectionStarts.first() || n >= back || sectionStarts.contains(n + 1) || n + 1 == back) {
                    continue; // cover, contents, the last page of each section, the back page
                }
                report.append(String.format(java.util.Locale.ROOT, "p%d %.0f%%  ", n, 100 * page.emptyShare()));
                if (page.emptyShare() > 0.2) {
                    holes.add(String.format(java.util.Locale.ROOT, "page %d is %.0f%% empty", n, 100 * page.emptyShare()));
                }
            }
            System.out.println(publication + ": " + report);
            assertTrue(holes.isEmpty(), publication + ": " + holes + "\n" + report);
        }
    }

    /**
     * Every figure and table stays in its article, on the page of its first mention or the next:
     * read from the reference links (mention → target) and the bookmarks (where articles start).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/stress"})
    void everyFigureIsOnThePageOfItsFirstMentionOrTheNextAndInItsArticle(String publication) throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.REPO.resolve(Path.of(publication)));
        try (PDDocument document = issue.open()) {
            TreeSet<Integer> articleStarts = new TreeSet<>();
            for (PDOutlineItem section : document.getDocumentCatalog().getDocumentOutline().children()) {
                for (PDOutlineItem article : section.children()) {
                    articleStarts.add(pageOf(document, article));
                }
            }
            java.util.Map<String, Integer> firstMention = new java.util.LinkedHashMap<>();
            java.util.Map<String, Integer> target = new java.util.LinkedHashMap<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                var page = document.getPage(i);
                for (var annotation : page.getAnnotations()) {
                    if (!(annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link)) {
                        continue;
                    }
                    Object destination = link.getDestination();
                    if (destination == null && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo) {
                        destination = goTo.getDestination();
                    }
                    if (!(destination instanceof PDPageDestination d) || d.getPage() == null) {
                        continue;
                    }
                    int targetPage = document.getPages().indexOf(d.getPage()) + 1;
                    // A target is known by where it is drawn: page and height of the destination.
                    String key = targetPage + "@" + d.getCOSObject().toString();
                    if (!java.util.regex.Pattern.compile("(?iu)(рис|табл|fig|table)\\.?[\\s\u00a0]*\\d")
                            .matcher(BuiltIssue.normalize(textIn(page, link))).find()) {
                        continue; // the contents and the index link to articles, not to figures
                    }
                    firstMention.putIfAbsent(key, i + 1);
                    target.put(key, targetPage);
                }
            }
            List<String> wrong = new ArrayList<>();
            for (var entry : firstMention.entrySet()) {
                int mention = entry.getValue();
                int at = target.get(entry.getKey());
                Integer nextArticle = articleStarts.higher(mention);
                if (at < mention || at > mention + 1 || (nextArticle != null && at > nextArticle)) {
                    wrong.add("mentioned on page " + mention + ", printed on page " + at);
                }
            }
            assertTrue(firstMention.size() >= 3, "references found: " + firstMention);
            assertTrue(wrong.isEmpty(), publication + ": " + wrong);
        }
    }

    private static String textIn(org.apache.pdfbox.pdmodel.PDPage page,
                                 org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link) throws IOException {
        var stripper = new org.apache.pdfbox.text.PDFTextStripperByArea();
        var r = link.getRectangle();
        float height = page.getMediaBox().getHeight();
        stripper.addRegion("link", new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX() - 1,
                height - r.getUpperRightY() - 1, r.getWidth() + 2, r.getHeight() + 2));
        stripper.extractRegions(page);
        return stripper.getTextForRegion("link");
    }

    static int pageOf(PDDocument document, PDOutlineItem item) throws IOException {
        PDPageDestination destination = (PDPageDestination) item.getDestination();
        if (destination == null && item.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo) {
            destination = (PDPageDestination) goTo.getDestination();
        }
        return document.getPages().indexOf(destination.getPage()) + 1;
    }
}

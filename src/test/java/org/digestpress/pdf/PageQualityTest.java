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
    @ValueSource(strings = {"content", "src/test/resources/stress"})
    void noPageButTheLastOfASectionIsMoreThanAFifthEmpty(String publication) throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.REPO.resolve(Path.of(publication)));
        try (PDDocument document = issue.open()) {
            TreeSet<Integer> sectionStarts = new TreeSet<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.children().iterator().hasNext()) {
                    sectionStarts.add(pageOf(document, item));
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

    static int pageOf(PDDocument document, PDOutlineItem item) throws IOException {
        PDPageDestination destination = (PDPageDestination) item.getDestination();
        if (destination == null && item.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo) {
            destination = (PDPageDestination) goTo.getDestination();
        }
        return document.getPages().indexOf(destination.getPage()) + 1;
    }
}

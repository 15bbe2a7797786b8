package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The print finish of issue 17, read back from the built PDFs: the sample (Russian, with a cover
 * picture), the fixture (Russian, no cover picture) and the English fixture (no cover picture).
 */
class PrintFinishTest {

    static final Path ENGLISH = BuiltIssue.REPO.resolve("src/test/resources/english");
    private static final double MM = 72 / 25.4;

    static BuiltIssue issue(String publication) {
        return BuiltIssue.of(BuiltIssue.REPO.resolve(publication));
    }

    /** Every glyph drawn on a page, with its box in points from the top left. */
    static List<TextPosition> glyphs(PDDocument document, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return glyphs;
    }

    /**
     * The inside cover's text stays within its page's margins (20 mm left and right): laid out at
     * the width of an ordinary page, letters and hyphens at its line ends were drawn under the
     * clip and cut off.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/english"})
    void theInsideCoverIsSetWithinItsOwnMeasure(String publication) throws IOException {
        try (PDDocument document = issue(publication).open()) {
            List<TextPosition> glyphs = glyphs(document, 2);
            assertTrue(glyphs.size() > 200, "the inside cover has text");
            double left = 20 * MM - 0.5;
            double right = (210 - 20) * MM + 0.5;
            List<String> outside = new ArrayList<>();
            double widest = 0;
            for (TextPosition g : glyphs) {
                if (g.getUnicode().isBlank()) {
                    continue;
                }
                double end = g.getXDirAdj() + g.getWidthDirAdj();
                widest = Math.max(widest, end);
                if (g.getXDirAdj() < left || end > right) {
                    outside.add(String.format(java.util.Locale.ROOT, "«%s» at %.1f–%.1f mm", g.getUnicode(),
                            g.getXDirAdj() / MM, end / MM));
                }
            }
            assertTrue(outside.isEmpty(), publication + ": drawn outside 20–190 mm: " + outside);
            // A line of justified text reaches the measure: the test would not pass on an empty column.
            assertTrue(widest > right - 3 * MM, String.format(java.util.Locale.ROOT, "widest line ends at %.1f mm",
                    widest / MM));
        }
    }

    /** The cover and the back page are coloured to the bottom edge: no white strip under them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/english"})
    void coverAndBackPageReachTheBottomEdge(String publication) throws IOException {
        try (PDDocument document = issue(publication).open()) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page : new int[] {0, document.getNumberOfPages() - 1}) {
                BufferedImage image = renderer.renderImageWithDPI(page, 150);
                int w = image.getWidth();
                int h = image.getHeight();
                // The last row of pixels: at 150 dpi a 1 mm strip is 6 rows high.
                for (int x : new int[] {1, w / 4, w / 2, 3 * w / 4, w - 2}) {
                    for (int y : new int[] {h - 1, h - 4}) {
                        int rgb = image.getRGB(x, y) & 0xffffff;
                        assertTrue(rgb != 0xffffff, publication + ": page " + (page + 1) + " is white at " + x + ","
                                + y + " of " + w + "x" + h);
                    }
                }
            }
        }
    }

    /**
     * A share is set alike in the text and in the chart that draws it: «53,6 %» in the sample's
     * research article and on its donut chart, with a no-break gap before the sign in both (the
     * text's U+202F is drawn as a small no-break space, the chart's, in a font without U+202F, as
     * a no-break space), never solid in one and spaced in the other. Measured on the glyphs: the
     * gap between «6» and «%» in widths of the «6» (the chart is drawn scaled), on one baseline.
     */
    @org.junit.jupiter.api.Test
    void aShareIsSetAlikeInTheTextAndInTheChart() throws IOException {
        List<Double> gaps = new ArrayList<>();
        try (PDDocument document = issue("content").open()) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                List<TextPosition> glyphs = glyphs(document, page);
                for (int i = 0; i + 4 < glyphs.size(); i++) {
                    if (!text(glyphs, i, 4).equals("53,6")) {
                        continue;
                    }
                    TextPosition six = glyphs.get(i + 3);
                    // openhtmltopdf draws a span's text after the rest of its line: look a few glyphs on.
                    TextPosition percent = null;
                    for (int j = i + 4; j < Math.min(glyphs.size(), i + 7) && percent == null; j++) {
                        if (glyphs.get(j).getUnicode().equals("%")) {
                            percent = glyphs.get(j);
                        } else if (!Character.isSpaceChar(glyphs.get(j).getUnicode().codePointAt(0))) {
                            break;
                        }
                    }
                    if (percent == null) {
                        continue;
                    }
                    assertEquals(six.getYDirAdj(), percent.getYDirAdj(), 0.5, "page " + page + ": «%» on the number's line");
                    gaps.add((double) (percent.getXDirAdj() - six.getXDirAdj() - six.getWidthDirAdj()) / six.getWidthDirAdj());
                }
            }
        }
        assertTrue(gaps.size() >= 2, "53,6 % in the text and in the chart: " + gaps);
        for (double gap : gaps) {
            assertTrue(gap > 0.25 && gap < 0.75, "a no-break space of about a third of an em before «%»: " + gaps);
        }
        assertTrue(java.util.Collections.max(gaps) - java.util.Collections.min(gaps) < 0.15, "the same gap everywhere: " + gaps);
    }

    /**
     * A source line prints its label once where the author typed it too: the English fixture's
     * front matter says «Source: Test Wire», a table's line and a chart's {@code source:} say
     * «Source: …».
     */
    @org.junit.jupiter.api.Test
    void theSourceLabelIsPrintedOnce() {
        BuiltIssue english = issue("src/test/resources/english");
        String all = BuiltIssue.normalize(String.join(" ", java.util.stream.IntStream.rangeClosed(1, english.pages())
                .mapToObj(english::page).toList()));
        for (String line : List.of("Source: Test Wire", "Source: Test Cluster Observatory")) {
            assertTrue(all.contains(line), "«" + line + "» in: " + all);
        }
        assertEquals(2, all.split("Source: the observatory’s register", -1).length - 1, "the table's and the chart's: " + all);
        assertFalse(all.matches("(?is).*Source:\\s*Source.*"), all);
    }

    /**
     * A photo credit is a line of its own under the caption, smaller and set to the right: it was
     * run on after the caption's last word, in the caption's size.
     */
    @org.junit.jupiter.api.Test
    void aPhotoCreditStandsApartFromItsCaption() throws IOException {
        BuiltIssue english = issue("src/test/resources/english");
        int page = english.pagesContaining("Photo: Test Wire").get(0);
        List<String> lines = english.linesByPosition(page);
        assertTrue(lines.contains("Photo: Test Wire"), "the credit on a line of its own: " + lines);
        try (PDDocument document = english.open()) {
            List<TextPosition> glyphs = glyphs(document, page);
            String drawn = text(glyphs, 0, glyphs.size());
            TextPosition caption = glyphs.get(drawn.indexOf("Members of the cluster"));
            TextPosition credit = glyphs.get(drawn.indexOf("Photo: Test Wire"));
            TextPosition creditEnd = glyphs.get(drawn.indexOf("Photo: Test Wire") + "Photo: Test Wire".length() - 1);
            assertTrue(credit.getYDirAdj() > caption.getYDirAdj() + 2, "the credit is under the caption");
            assertTrue(credit.getHeightDir() < caption.getHeightDir(), "the credit is set smaller than the caption");
            double right = (210 - 18) * MM;
            assertEquals(right, creditEnd.getXDirAdj() + creditEnd.getWidthDirAdj(), 1.5, "the credit ends at the measure's right edge");
        }
    }

    /**
     * A table that runs on to another page says so at the top of that page, above its repeated
     * header: the label is the first line under the running header, the header's first cell
     * follows within the next lines, the page before printed the table's title, and every row is
     * printed once, in order.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            content                     | Окончание табл. 1   | Таблица 1. | Ранг Регион | Омская область
            src/test/resources/english  | Table 1 (continued) | Table 1.   | Region Members | Region 40
            """)
    void aTableThatRunsOnIsLabelledAboveItsRepeatedHeader(String publication, String label, String title, String header,
                                                          String lastRow) {
        BuiltIssue built = issue(publication);
        List<Integer> labelled = built.pagesContaining(label);
        assertEquals(1, labelled.size(), "«" + label + "» on one page: " + labelled);
        int page = labelled.get(0);
        List<String> lines = built.linesByPosition(page).stream().map(BuiltIssue::normalize).toList();
        assertEquals(label, lines.get(1), "the label opens page " + page + " (line 0 is the running header): " + lines);
        int headerLine = -1;
        for (int i = 2; i < Math.min(lines.size(), 5); i++) {
            if (lines.get(i).startsWith(header)) {
                headerLine = i;
            }
        }
        assertTrue(headerLine > 1, "the repeated header «" + header + "» right under the label: " + lines);
        assertTrue(BuiltIssue.normalize(built.page(page - 1)).contains(title), "page " + (page - 1) + " starts the table");
        assertTrue(BuiltIssue.normalize(built.page(page)).contains(lastRow), "the table ends on page " + page);
        assertFalse(BuiltIssue.normalize(built.page(page - 1)).contains(label), "no label on the table's first page");
    }

    /**
     * A table short enough to go whole onto a page is not split: the sample's Table 2 (eight
     * districts) ran five rows on one page and three on the next; it now stands on one page, with
     * its title, and the page it left is filled with the text after it.
     */
    @org.junit.jupiter.api.Test
    void aShortTableIsNotSplit() {
        BuiltIssue sample = issue("content");
        List<Integer> pages = new ArrayList<>();
        for (String row : List.of("Таблица 2.", "Южный", "Северо-Кавказский", "Северо-Западный", "Центральный",
                "Приволжский", "Уральский 6", "Сибирский 10", "Дальневосточный 11")) {
            List<Integer> on = sample.pagesContaining(row).stream()
                    .filter(p -> BuiltIssue.normalize(sample.page(p)).contains("Создание организаций креативных индустрий по федеральным округам"))
                    .toList();
            assertEquals(1, on.size(), "«" + row + "» on the table's page: " + on);
            pages.add(on.get(0));
        }
        assertEquals(1, new java.util.TreeSet<>(pages).size(), "the whole table on one page: " + pages);
        assertTrue(sample.pagesContaining("Окончание табл. 2").isEmpty(), "Table 2 is not continued");
    }

    /**
     * A cover without a cover picture is designed from the brand: the title stands in the upper
     * field (it stood under an empty 150 mm field, two thirds down the sheet), the number is
     * printed large above the band, and the field between is not left empty: bars drawn in the
     * brand's colours rise above the band.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            src/test/resources/english | Cluster Review     | 17
            src/test/resources/fixture | Вестник кластеров  | 1
            """)
    void aCoverWithoutAPictureIsDesigned(String publication, String title, String number) throws IOException {
        try (PDDocument document = issue(publication).open()) {
            List<TextPosition> glyphs = glyphs(document, 1);
            String drawn = text(glyphs, 0, glyphs.size());
            int at = drawn.indexOf(title);
            assertTrue(at >= 0, "the title on the cover: " + drawn);
            TextPosition first = glyphs.get(at);
            assertTrue(first.getYDirAdj() < 100 * MM, "the title's baseline at " + first.getYDirAdj() / MM + " mm from the top");
            assertTrue(first.getHeightDir() > 20, "the title is large");
            TextPosition big = glyphs.stream().filter(g -> g.getFontSizeInPt() >= 100).findFirst().orElseThrow(
                    () -> new AssertionError("no large number on the cover"));
            String large = glyphs.stream().filter(g -> g.getFontSizeInPt() >= 100).map(TextPosition::getUnicode)
                    .collect(java.util.stream.Collectors.joining());
            assertEquals(number, large, "the issue's number, large");
            assertTrue(big.getYDirAdj() > 200 * MM && big.getYDirAdj() < 263 * MM, "the number stands above the band");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 50);
            int background = image.getRGB(image.getWidth() / 10, image.getHeight() / 2);
            int differing = 0;
            for (int x = image.getWidth() / 2; x < image.getWidth() * 9 / 10; x++) {
                differing += image.getRGB(x, (int) (image.getHeight() * 0.8)) != background ? 1 : 0;
            }
            assertTrue(differing > 10, "the lower field is drawn on, not empty: " + differing + " pixels");
        }
    }

    /**
     * The English fixture (designed cover, a table split where its pages start, a chart) is
     * PDF/A-3u and PDF/UA-1, and each part of the split table is a tagged table with its header
     * row, so a screen reader hears the columns' names on the page the table runs on to.
     */
    @org.junit.jupiter.api.Test
    void theSplitTableIsTaggedAsTablesWithHeadersAndTheIssueIsArchiveGrade() throws Exception {
        BuiltIssue english = issue("src/test/resources/english");
        try (PDDocument document = english.open()) {
            var root = document.getDocumentCatalog().getStructureTreeRoot();
            List<org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement> tables =
                    ArchiveQualityTest.elements(root, "Table");
            // Table 1 in two parts, Table 2 whole.
            assertEquals(3, tables.size(), "tagged tables");
            for (var table : tables) {
                assertFalse(ArchiveQualityTest.elements(table, "TH").isEmpty(), "every part has header cells");
            }
        }
        ArchiveQualityTest.assertCompliant(english.bytes);
    }

    private static String text(List<TextPosition> glyphs, int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append(glyphs.get(i).getUnicode());
        }
        return out.toString();
    }
}

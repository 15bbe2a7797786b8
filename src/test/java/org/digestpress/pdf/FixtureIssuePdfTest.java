package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.Test;

/** The fixture publication, built and read back as a reader (and a PDF viewer) would. */
public class FixtureIssuePdfTest {

    private static final List<String> TITLES = List.of(
            "В Калуге открылся завод двигателей",
            "Химический кластер объединил двенадцать предприятий",
            "Форум кластеров пройдёт в марте",
            "Реестр кластеров пополнился",
            "Обзор кластеров по регионам",
            "Методика подсчёта участников");

    private final BuiltIssue issue = BuiltIssue.of(BuiltIssue.FIXTURE);

    /** Table-of-contents entries as printed: title → page number after the leader dots. */
    public static Map<String, Integer> contents(BuiltIssue issue, List<String> titles) {
        int tocPage = issue.pagesContaining("Содержание").get(0);
        String toc = BuiltIssue.normalize(issue.page(tocPage) + " " + issue.page(tocPage + 1));
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (String title : titles) {
            Matcher m = Pattern.compile(Pattern.quote(BuiltIssue.normalize(title)) + "[\\s.]*?(\\d+)").matcher(toc);
            assertTrue(m.find(), "the table of contents lists «" + title + "» with a page number");
            entries.put(title, Integer.parseInt(m.group(1)));
        }
        return entries;
    }

    @Test
    void everyContentsEntryNamesThePageItsTitleIsPrintedOn() {
        Map<String, Integer> toc = contents(issue, TITLES);
        for (Map.Entry<String, Integer> entry : toc.entrySet()) {
            List<Integer> pages = issue.pagesContaining(entry.getKey());
            pages.remove(Integer.valueOf(issue.pagesContaining("Содержание").get(0)));
            assertEquals(List.of(entry.getValue()), pages, "«" + entry.getKey() + "» is printed on the page the contents claim");
        }
    }

    @Test
    void bookmarksAreSectionsThenArticlesAndPointToTheTitlePages() throws IOException {
        Map<String, Integer> toc = contents(issue, TITLES);
        try (PDDocument document = issue.open()) {
            List<String> sections = new ArrayList<>();
            Map<String, Integer> articles = new LinkedHashMap<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                sections.add(item.getTitle());
                for (PDOutlineItem child : item.children()) {
                    articles.put(child.getTitle(), pageOf(document, child));
                }
            }
            assertEquals(List.of("Содержание", "Новости", "Коротко", "Исследования"), sections);
            assertEquals(toc, normalizeKeys(articles));
        }
    }

    private static Map<String, Integer> normalizeKeys(Map<String, Integer> map) {
        Map<String, Integer> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(BuiltIssue.normalize(k), v));
        return out;
    }

    static int pageOf(PDDocument document, PDOutlineItem item) throws IOException {
        PDPageDestination destination = (PDPageDestination) item.getDestination();
        if (destination == null && item.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo) {
            destination = (PDPageDestination) goTo.getDestination();
        }
        return document.getPages().indexOf(destination.getPage()) + 1;
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageItRunsOver() {
        int first = issue.pagesContaining("Организация 01").get(0);
        int last = issue.pagesContaining("Организация 60").get(0);
        assertTrue(last > first, "the 60-row table runs over a page");
        for (int page = first; page <= last; page++) {
            assertTrue(BuiltIssue.normalize(issue.page(page)).contains("Участник Сотрудников Проектов"),
                    "table header on page " + page);
        }
    }

    @Test
    void aRawHtmlTableWithSpansIsNumberedAndRendered() {
        List<Integer> pages = issue.pagesContaining("Таблица 2. Участники по типам");
        assertEquals(1, pages.size());
        String page = BuiltIssue.normalize(issue.page(pages.get(0)));
        assertTrue(page.contains("Регион Участники Промышленность Наука"), page);
        assertTrue(page.contains("Татарстан 120 30"), page);
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument document = issue.open()) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts, 0);
            }
            assertFalse(fonts.isEmpty());
            assertTrue(fonts.stream().noneMatch(f -> f.startsWith("NOT EMBEDDED")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.contains("PTSerif")), "body text is in PT Serif: " + fonts);
            assertTrue(fonts.stream().anyMatch(f -> f.contains("PTSans")), "headings are in PT Sans: " + fonts);
        }
    }

    public static void collectFonts(PDResources resources, List<String> out, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            out.add((font.isEmbedded() ? "" : "NOT EMBEDDED ") + font.getName());
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, depth + 1);
            }
        }
    }

    @Test
    void russianTextExtractsAsWritten() {
        String all = BuiltIssue.normalize(String.join(" ", java.util.stream.IntStream.rangeClosed(1, issue.pages())
                .mapToObj(issue::page).toList()));
        assertTrue(all.contains("Двенадцать предприятий подписали соглашение о"), all);
        // Box labels are set in capitals by the stylesheet.
        String lower = all.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("прямая речь"), all);
        assertTrue(lower.contains("комментирует"), all);
        assertTrue(lower.contains("справочно"), all);
        assertTrue(all.contains("Таблица 1."));
        assertFalse(all.contains("\u00ad"), "no soft hyphens in extracted text");
    }

    @Test
    void metadataDescribesTheIssue() throws IOException {
        try (PDDocument document = issue.open()) {
            var info = document.getDocumentInformation();
            assertTrue(info.getTitle().startsWith("Вестник кластеров. Тестовый дайджест. Выпуск"), info.getTitle());
            assertEquals("Тестовая обсерватория", info.getAuthor());
            // Title and subject spell the month alike: lower case inside a Russian sentence.
            assertTrue(info.getTitle().endsWith("январь 2030"), info.getTitle());
            assertTrue(info.getSubject().endsWith("январь 2030"), info.getSubject());
            assertTrue(info.getKeywords().contains("беспилотники") && info.getKeywords().contains("химия"), info.getKeywords());
            assertEquals("ru", document.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void coverAndBackPageHaveNoRunningHeaderOrPageNumber() throws IOException {
        try (PDDocument document = issue.open()) {
            int last = document.getNumberOfPages();
            for (int page = 1; page <= last; page++) {
                String top = BuiltIssue.normalize(band(document, page, 0, 20));
                String bottom = BuiltIssue.normalize(band(document, page, 281, 16));
                boolean bodyPage = page >= 3 && page < last;
                assertEquals(bodyPage, top.contains("Выпуск № 1 · Январь 2030"), "running header on page " + page + ": " + top);
                assertEquals(bodyPage, bottom.equals(String.valueOf(page)), "page number on page " + page + ": " + bottom);
            }
        }
    }

    /** Text in a horizontal band of an A4 page, {@code y} and {@code height} in millimetres. */
    private static String band(PDDocument document, int page, double y, double height) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        double mm = 72 / 25.4;
        stripper.addRegion("band", new Rectangle2D.Double(0, y * mm, 210 * mm, height * mm));
        stripper.extractRegions(document.getPage(page - 1));
        return stripper.getTextForRegion("band");
    }

    /** The cover and the back page are full-bleed: the brand colour reaches every edge of the sheet. */
    @Test
    void coverAndBackPageFillTheWholeSheet() throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.FIXTURE);
        try (PDDocument document = issue.open()) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int page : new int[] {0, document.getNumberOfPages() - 1}) {
                java.awt.image.BufferedImage image = renderer.renderImageWithDPI(page, 12);
                int w = image.getWidth();
                int h = image.getHeight();
                for (int[] at : new int[][] {{1, h / 3}, {w - 2, h / 3}, {w - 2, 1}, {w / 2, 1}}) {
                    int rgb = image.getRGB(at[0], at[1]) & 0xffffff;
                    assertTrue(rgb != 0xffffff, "page " + (page + 1) + " is white at " + at[0] + "," + at[1]
                            + " of " + w + "x" + h);
                }
            }
        }
    }
}

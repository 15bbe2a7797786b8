package org.digestpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Hyphenator;
import org.digestpress.typography.Typographer;
import org.junit.jupiter.api.Test;

/** The sample issue in content/, as an editor and a proof-reader would check it. */
class SampleIssueTest {

    private final BuiltIssue built = BuiltIssue.of(BuiltIssue.SAMPLE);
    private static final Pattern LETTER_HYPHEN = Pattern.compile("(\\p{L}+)-$");

    private static Issue issue() {
        Problems problems = new Problems();
        Publication publication = PublicationLoader.load(BuiltIssue.SAMPLE, problems);
        return IssueLoader.load(publication, IssueLoader.newestIssue(publication.root()).orElseThrow(), false, problems);
    }

    private List<String> titles() {
        Typographer typographer = Typographer.forLanguage("ru");
        return issue().articles().stream().map(a -> typographer.text(a.title())).toList();
    }

    @Test
    void theBuildHasNoWarningsAndAtLeast24Pages() {
        assertEquals(List.of(), built.result.problems());
        assertTrue(built.pages() >= 24, "pages: " + built.pages());
    }

    @Test
    void anEmailAddressOnTheBackPageIsNeverBrokenAtItsDots() throws java.io.IOException {
        String back;
        try (org.apache.pdfbox.pdmodel.PDDocument document = built.open()) {
            // By position, as a reader sees the lines: openhtmltopdf draws a link's text after the
            // rest of its line, so in drawing order the closing full stop comes first.
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(built.pages());
            stripper.setEndPage(built.pages());
            back = stripper.getText(document);
        }
        assertTrue(back.lines().anyMatch(line -> line.contains("ruscluster@hse.ru.")), "the address on one line: " + back);
        assertFalse(back.matches("(?s).*ruscluster@hse\\.\\s+ru.*"), back);
    }

    @Test
    void theLongNoteOfTheResearchPieceRepeatsItsLabelWhereItGoesOnToTheNextPage() {
        BuiltIssue.assertLongBoxesRepeatTheirLabels(built, "СПРАВОЧНО", 1);
    }

    /** The contents page, and the next one if the leader dots run on. */
    private List<Integer> contentsPages() {
        int first = built.pagesContaining("Содержание").get(0);
        List<Integer> pages = new ArrayList<>(List.of(first));
        if (built.page(first + 1).contains(".....")) {
            pages.add(first + 1);
        }
        return pages;
    }

    @Test
    void everyArticleIsInTheContentsOnThePageItsTitleIsPrintedOn() {
        var toc = org.digestpress.pdf.FixtureIssuePdfTest.contents(built, titles());
        List<Integer> contents = contentsPages();
        assertTrue(contents.size() <= 2, "the contents fit on two pages");
        assertEquals(issue().articles().size(), toc.size());
        toc.forEach((title, page) -> {
            List<Integer> pages = built.pagesContaining(title);
            pages.removeAll(contents);
            assertEquals(List.of(page), pages, "«" + title + "»");
        });
    }

    @Test
    void everySourceIsALinkAnnotation() throws IOException {
        Set<String> links = new HashSet<>();
        try (PDDocument document = built.open()) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        links.add(uri.getURI());
                    }
                }
            }
        }
        for (Article article : issue().articles()) {
            assertTrue(article.source() != null && article.source().url() != null, article.file() + " has a source link");
            assertTrue(links.contains(article.source().url()), "link to " + article.source().url() + " from " + article.file());
        }
    }

    @Test
    void everyFigureAndTableReferenceLinksToThePageOfItsTarget() throws IOException {
        int checked = 0;
        try (PDDocument document = built.open()) {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i);
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (!(annotation instanceof PDAnnotationLink link)) {
                        continue;
                    }
                    Object destination = link.getDestination();
                    if (destination == null && link.getAction() instanceof PDActionGoTo goTo) {
                        destination = goTo.getDestination();
                    }
                    if (!(destination instanceof PDPageDestination target)) {
                        continue;
                    }
                    String text = BuiltIssue.normalize(textIn(page, link));
                    Matcher m = Pattern.compile("(рис|табл)\\. (\\d+)").matcher(text);
                    if (!m.find()) {
                        continue;
                    }
                    String label = (m.group(1).equals("рис") ? "Рис. " : "Таблица ") + m.group(2) + ".";
                    int targetPage = document.getPages().indexOf(target.getPage()) + 1;
                    assertTrue(BuiltIssue.normalize(built.page(targetPage)).contains(label),
                            "«" + text + "» on page " + (i + 1) + " leads to page " + targetPage + ", which has " + label);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 7, "the sample has at least seven @fig/@tbl references, found " + checked);
    }

    private static String textIn(PDPage page, PDAnnotationLink link) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        var r = link.getRectangle();
        float height = page.getMediaBox().getHeight();
        stripper.addRegion("link", new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX() - 1,
                height - r.getUpperRightY() - 1, r.getWidth() + 2, r.getHeight() + 2));
        stripper.extractRegions(page);
        return stripper.getTextForRegion("link");
    }

    @Test
    void figuresAndTablesAreNumberedFromOneInEveryArticle() {
        List<Integer> contents = contentsPages();
        int from = built.pagesContaining("Креативное предпринимательство в регионах").stream()
                .filter(p -> !contents.contains(p)).findFirst().orElseThrow();
        int to = built.pagesContaining("Новые издания ИСИЭЗ").stream().filter(p -> p > from).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder();
        for (int p = from; p < to; p++) {
            text.append(BuiltIssue.normalize(built.page(p))).append(' ');
        }
        assertEquals(List.of(1, 2, 3, 4), numbers(text.toString(), "Рис\\. (\\d+)\\. "));
        assertEquals(List.of(1, 2), numbers(text.toString(), "Таблица (\\d+)\\. "));
        assertEquals(1, built.pagesContaining("Рис. 1. Целевые доли рынка беспилотных тракторов").size(),
                "another article starts again at 1");
    }

    private static List<Integer> numbers(String text, String regex) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void researchTablesRepeatTheirHeaderWhereTheySplit() {
        int first = built.pagesContaining("1 Москва 7413").get(0);
        int last = built.pagesContaining("20 Омская область 96").get(0);
        for (int page = first; page <= last; page++) {
            assertTrue(BuiltIssue.normalize(built.page(page)).contains("Создано в 2024 г."), "header of table 1 on page " + page);
        }
        int firstDistrict = built.pagesContaining("Южный 8 5 6 8,5").get(0);
        int lastDistrict = built.pagesContaining("Дальневосточный 11 3 4 5,2").get(0);
        for (int page = firstDistrict; page <= lastDistrict; page++) {
            assertTrue(BuiltIssue.normalize(built.page(page)).contains("Федеральный округ"), "header of table 2 on page " + page);
        }
    }

    @Test
    void chartTextIsRealTextOnTheFigurePage() {
        int page = built.pagesContaining("Рис. 3. Доля регионов в общем числе созданных организаций").get(0);
        String text = BuiltIssue.normalize(built.page(page));
        assertTrue(text.contains("Москва и Московская"), text);
        assertTrue(text.contains("53,6"), text);
        int bars = built.pagesContaining("Рис. 1. Регионы по темпам прироста").get(0);
        String barText = BuiltIssue.normalize(built.page(bars));
        assertTrue(barText.contains("2022") && barText.contains("2023") && barText.contains("67"), barText);
    }

    // ---- Russian typography, as a proof-reader checks it ----

    /** Lines of the body pages without the running header and the page number. */
    private List<String> bodyLines() {
        List<String> lines = new ArrayList<>();
        List<Integer> contents = contentsPages();
        for (int p = contents.get(contents.size() - 1) + 1; p < built.pages(); p++) {
            built.printedPage(p).lines().map(String::strip)
                    .filter(l -> !l.equals("Территориальные кластеры") && !l.startsWith("Выпуск №")
                            && !l.matches("\\d+") && !l.startsWith("Территориальные кластеры Выпуск"))
                    .forEach(lines::add);
        }
        return lines;
    }

    /** Words the authors wrote with a hyphen (Северо-Западный): a break there is not hyphenation. */
    private static Set<String> compounds() throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(BuiltIssue.SAMPLE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml")).toList()) {
                Matcher m = Pattern.compile("(\\p{L}+)-(\\p{L}+)").matcher(Files.readString(f));
                while (m.find()) {
                    out.add((m.group(1) + "-" + m.group(2)).toLowerCase());
                }
            }
        }
        return out;
    }

    @Test
    void everyHyphenatedLineEndIsABreakThePatternsAllow() throws IOException {
        Set<String> compounds = compounds();
        Hyphenator hyphenator = Hyphenator.forLanguage("ru");
        List<String> lines = bodyLines();
        int hyphenated = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher m = LETTER_HYPHEN.matcher(lines.get(i));
            if (!m.find() || lines.get(i + 1).isEmpty()) {
                continue;
            }
            // The rest of a word starts in lower case; a capital is text drawn later in the content
            // stream (a chart's labels come after the page's text), not the word's continuation.
            Matcher next = Pattern.compile("^(\\p{Ll}\\p{L}*)").matcher(lines.get(i + 1));
            if (!next.find()) {
                continue;
            }
            String head = m.group(1);
            String tail = next.group(1);
            if (compounds.contains((head + "-" + tail).toLowerCase())) {
                continue;
            }
            String word = head + tail;
            assertTrue(hyphenator.breakPoints(word).contains(head.length()),
                    "«" + head + "-" + tail + "»: the patterns do not allow a break there");
            hyphenated++;
        }
        assertTrue(hyphenated >= 20, "justified Russian text is hyphenated; found " + hyphenated + " breaks");
    }

    @Test
    void headingsAndContentsAreNeverHyphenated() {
        for (String title : titles()) {
            assertFalse(built.pagesContaining(title).isEmpty(), "«" + title + "» is printed whole, unbroken");
        }
        for (int page : contentsPages()) {
            for (String line : built.printedPage(page).lines().toList()) {
                assertFalse(LETTER_HYPHEN.matcher(line.strip()).find(), "contents line hyphenated: " + line);
            }
        }
    }

    @Test
    void noLineStartsWithADashOrEndsWithAOneLetterPreposition() {
        Pattern hanging = Pattern.compile("(^|\\s)[вксуоиаВКСУОИА]$");
        for (String line : bodyLines()) {
            assertFalse(line.startsWith("—"), "line starts with a dash: " + line);
            // Full lines of running text only: chart labels are short lines the chart wraps itself.
            if (line.split("\\s+").length >= 4) {
                assertFalse(hanging.matcher(line).find(), "one-letter word left at a line end: " + line);
            }
        }
    }

    @Test
    void onlyTheBrandFontsAreEmbeddedThinSpacesIncluded() throws IOException {
        try (PDDocument document = built.open()) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                org.digestpress.pdf.FixtureIssuePdfTest.collectFonts(page.getResources(), fonts, 0);
            }
            Set<String> families = new java.util.TreeSet<>();
            for (String font : fonts) {
                families.add(font.replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertTrue(families.stream().allMatch(f -> f.startsWith("PTSans") || f.startsWith("PTSerif")),
                    "only PT Sans and PT Serif, no fallback font: " + families);
        }
        String all = BuiltIssue.normalize(String.join(" ", java.util.stream.IntStream.rangeClosed(1, built.pages())
                .mapToObj(built::page).toList()));
        assertTrue(all.contains("Москва 7413 60 493"), "digit groups still print, with their thin space");
    }

    @Test
    void extractedTextHasNoSoftHyphens() {
        for (int p = 1; p <= built.pages(); p++) {
            assertFalse(built.page(p).contains("\u00ad"), "soft hyphen on page " + p);
        }
    }

    @Test
    void veraPdfAcceptsTheSampleIssue() throws Exception {
        org.digestpress.pdf.ArchiveQualityTest.assertCompliant(built.bytes);
    }
}

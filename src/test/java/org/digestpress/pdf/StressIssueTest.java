package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stress publication (src/test/resources/stress): footnotes, labels in an article's own
 * language, table source lines and identifiers, read back from the PDF.
 */
class StressIssueTest {

    static final Path STRESS = BuiltIssue.REPO.resolve("src/test/resources/stress");

    private final BuiltIssue issue = BuiltIssue.of(STRESS);

    @Test
    void footnotesStartAgainAtOneInEveryArticle() {
        int first = single(issue.pagesContaining("Схема составлена редакцией по открытым данным."));
        int second = single(issue.pagesContaining("По данным управляющей организации."));
        int english = single(issue.pagesContaining("As reported by the cluster office."));
        assertTrue(BuiltIssue.normalize(issue.page(first)).contains("1. Схема составлена редакцией"), issue.page(first));
        assertTrue(BuiltIssue.normalize(issue.page(second)).contains("1. По данным управляющей организации"), issue.page(second));
        assertTrue(BuiltIssue.normalize(issue.page(english)).contains("1. As reported by the cluster office"), issue.page(english));
        assertFalse(String.join("", pages()).matches("(?s).*\\b[23]\\. (По данным|As reported|Схема).*"),
                "no footnote is numbered on from another article");
    }

    @Test
    void anEnglishArticleInARussianIssueIsLabelledInEnglish() {
        List<Integer> titled = issue.pagesContaining("Cluster partners sign a joint research plan");
        int start = titled.get(titled.size() - 1); // the first is the contents
        String english = BuiltIssue.normalize(issue.page(start) + " " + issue.page(start + 1));
        for (String label : List.of("IN THEIR WORDS", "Figure 1. The joint research plan", "Table 1. Partners by type",
                "Source: the cluster office.", "Source: Test Wire")) {
            assertTrue(english.contains(label), "«" + label + "» in: " + english);
        }
        for (String russian : List.of("ПРЯМАЯ РЕЧЬ", "Рис. 1. The joint", "Таблица 1. Partners", "Источник: Test Wire")) {
            assertFalse(english.contains(russian), "«" + russian + "» in the English article");
        }
        String russian = BuiltIssue.normalize(String.join(" ", pages()));
        assertTrue(russian.contains("Рис. 1. Участники кластера и их связи"), "the Russian articles keep Russian labels");
        assertTrue(russian.contains("Источник: Тестовое агентство"));
    }

    @Test
    void aTableSourceLineIsPrintedUnderTheTableLikeAFiguresSourceLine() {
        String all = BuiltIssue.normalize(String.join(" ", pages()));
        assertTrue(all.contains("Рост, % Регион 01"), "the table is there");
        assertTrue(all.contains("Источник: расчёты тестовой обсерватории."), all);
    }

    @Test
    void thePostalCodeAndTheExtensionOnTheBackPageStaySolid() {
        String back = issue.page(issue.pages());
        assertTrue(back.contains("101000, Москва"), back);
        assertTrue(back.contains("*12053"), back);
    }

    @Test
    void englishMonthNamesKeepTheirCapitalInTheTitleSubjectAndImprint(@TempDir Path temp) throws IOException {
        Path copy = temp.resolve("publication");
        copyTree(BuiltIssue.FIXTURE, copy);
        Path yaml = copy.resolve("publication.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("language: ru", "language: en"));
        BuildResult result = Pipeline.build(BuiltIssue.request(copy, temp.resolve("en.pdf")));
        assertFalse(result.failed(), result.problems().toString());
        try (PDDocument document = Loader.loadPDF(temp.resolve("en.pdf").toFile())) {
            assertEquals("Вестник кластеров. Тестовый дайджест. Issue 1, January 2030",
                    document.getDocumentInformation().getTitle());
            assertEquals("Тестовый дайджест: Issue 1, January 2030", document.getDocumentInformation().getSubject());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertTrue(BuiltIssue.normalize(stripper.getText(document)).contains("Issue 1, January 2030"));
        }
        try (PDDocument document = BuiltIssue.of(BuiltIssue.FIXTURE).open()) {
            assertEquals("Тестовый дайджест: Выпуск № 1, январь 2030",
                    document.getDocumentInformation().getSubject().replace('\u00a0', ' '));
        }
    }

    @Test
    void twoItemsOfOneRegionOnOnePageAreIndexedUnderThatPageOnce() {
        // Each title is printed in the contents and where its item begins: the last page is the item's.
        List<Integer> one = issue.pagesContaining("В посёлке открыли коворкинг для инженеров");
        List<Integer> two = issue.pagesContaining("Посёлок получит новую котельную");
        int first = one.get(one.size() - 1);
        assertEquals(first, two.get(two.size() - 1), "both items begin on one page");
        String index = BuiltIssue.normalize(issue.page(issue.pagesContaining("Указатель регионов").stream()
                .max(Integer::compare).orElseThrow()));
        assertTrue(index.matches("(?s).*Тестовый посёлок[ .]+" + first + "\\s.*"), index);
        assertFalse(index.contains(first + ", " + first), index);
    }

    @Test
    void latinTextIsSetWithoutLigaturesSoItIsFoundAsWritten() throws IOException {
        // With the fonts' GSUB ligatures «fl» was drawn as one glyph mapped to U+FB02, so viewers
        // that do not fold it found no «workflow»; the line was also laid out with the widths of
        // the two letters and drawn with the ligature's. The glyphs' own Unicode values are read
        // here: PDFTextStripper's text folds ligatures back into letters.
        StringBuilder glyphs = new StringBuilder();
        try (PDDocument document = issue.open()) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> glyphs.append(p.getUnicode()));
                }
            };
            stripper.getText(document);
        }
        assertTrue(glyphs.toString().contains("workflow"), "«workflow» letter by letter");
        assertFalse(glyphs.toString().matches("(?s).*[\\uFB00-\\uFB06].*"), "no ligature glyph in the PDF");
    }

    @Test
    void aLongBoxThatSplitsRepeatsItsLabelAtTheTopOfTheNextPage() {
        BuiltIssue.assertLongBoxesRepeatTheirLabels(issue, "СПРАВОЧНО: КАК УСТРОЕНА ПРОГРАММА", 3);
        BuiltIssue.assertLongBoxesRepeatTheirLabels(issue, "УЧАСТНИКИ ПРОГРАММЫ", 3);
    }

    @Test
    void aNumberedListSplitByAPageGoesOnCountingUnderTheRepeatedLabel() {
        List<Integer> pages = issue.pagesContaining("УЧАСТНИКИ ПРОГРАММЫ (ОКОНЧАНИЕ)");
        assertEquals(2, pages.size(), "the 60 members' box runs over three pages: " + pages);
        for (int page : pages) {
            List<String> lines = issue.linesByPosition(page);
            // the running header, the label, then the item that opens the page, numbered as the list goes on
            assertEquals("УЧАСТНИКИ ПРОГРАММЫ (ОКОНЧАНИЕ)", lines.get(1), "page " + page + ": " + lines);
            java.util.regex.Matcher item = java.util.regex.Pattern.compile("^(\\d+)\\. Участник (\\d+):")
                    .matcher(BuiltIssue.normalize(lines.get(2)));
            assertTrue(item.find(), lines.get(2));
            assertEquals(item.group(1), item.group(2), "the number printed is the member's: " + lines.get(2));
            assertTrue(Integer.parseInt(item.group(1)) > 1, lines.get(2));
        }
    }

    private List<String> pages() {
        return java.util.stream.IntStream.rangeClosed(1, issue.pages()).mapToObj(issue::page).toList();
    }

    private static int single(List<Integer> pages) {
        assertEquals(1, pages.size(), "printed on exactly one page: " + pages);
        return pages.get(0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}

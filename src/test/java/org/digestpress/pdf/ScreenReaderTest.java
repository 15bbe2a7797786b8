package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.xml.DomXmpParser;
import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure tree walked as assistive technology walks it (ReadAloud): what a screen reader
 * says for the sample, the test fixture and an English article's offprint.
 */
class ScreenReaderTest {

    private static final Pattern LEADER = Pattern.compile("(\\.\\s*){3,}");

    @TempDir
    Path temp;

    private static ReadAloud read(BuiltIssue issue) throws IOException {
        try (PDDocument document = issue.open()) {
            return new ReadAloud(document);
        }
    }

    /** The sample's tables run over a page and repeat their header there; each header cell is read once. */
    @Test
    void aRepeatedTableHeaderIsReadOnce() throws IOException {
        BuiltIssue sample = BuiltIssue.of(BuiltIssue.SAMPLE);
        List<Integer> pages = sample.pagesContaining("Всего организаций, ед.");
        assertTrue(pages.size() >= 2, "the header is printed on every page of the table: " + pages);
        List<String> headers = read(sample).ofType("TH").stream().map(h -> BuiltIssue.normalize(h.text())).toList();
        assertTrue(headers.contains("Ранг"), headers.toString());
        assertTrue(headers.contains("Всего организаций, ед."), headers.toString());
        for (String header : headers) {
            assertFalse(header.matches("(.+)\\s*\\1"), "read twice: «" + header + "»");
        }
    }

    /** The leaders are still printed, and read by no one. */
    @Test
    void dotLeadersAreNotRead() throws IOException {
        for (BuiltIssue issue : List.of(BuiltIssue.of(BuiltIssue.SAMPLE), BuiltIssue.of(BuiltIssue.FIXTURE))) {
            assertTrue(LEADER.matcher(issue.page(2) + issue.page(3)).find(), "the contents print their leaders");
            for (ReadAloud.Heard heard : read(issue).elements) {
                assertFalse(LEADER.matcher(heard.text()).find(), heard.type() + " reads a leader: " + heard.text());
            }
        }
        List<String> entries = read(BuiltIssue.of(BuiltIssue.SAMPLE)).ofType("P").stream()
                .map(h -> BuiltIssue.normalize(h.text())).toList();
        // The name and the number are separate runs far apart on the line; no space is drawn between them.
        assertTrue(entries.stream().anyMatch(e -> e.matches("Алтайский край\\s*18")), "the index entry reads its name and page");
    }

    /** The English article of the stress publication, as an offprint. */
    private PDDocument englishOffprint() throws IOException {
        Path stress = BuiltIssue.REPO.resolve("src/test/resources/stress");
        Path issue = stress.resolve("2031-03");
        BuildRequest request = new BuildRequest(stress, issue, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        var result = Pipeline.offprints(request, null, Set.of(issue.resolve("news/03-english.md")),
                (a, slug) -> temp.resolve(slug + ".pdf"));
        assertFalse(result.failed(), result.problems().toString());
        return Loader.loadPDF(temp.resolve("english.pdf").toFile());
    }

    /** A footnote is read from its number on: «1. Расчеты выполнены…», not «…за- 1. дания…». */
    @Test
    void aFootnoteIsReadNumberFirst() throws IOException {
        List<ReadAloud.Heard> notes = read(BuiltIssue.of(BuiltIssue.SAMPLE)).ofType("Note");
        assertTrue(notes.size() >= 4, notes.toString());
        for (ReadAloud.Heard note : notes) {
            assertTrue(note.text().matches("(?s)\\d+\\. \\S.*"), "«" + note.text() + "»");
        }
        assertTrue(BuiltIssue.normalize(notes.get(0).text()).startsWith("1. Расчеты выполнены"), notes.get(0).text());
        try (PDDocument english = englishOffprint()) {
            List<ReadAloud.Heard> own = new ReadAloud(english).ofType("Note");
            assertEquals(List.of("1. As reported by the cluster office."),
                    own.stream().map(n -> BuiltIssue.normalize(n.text())).toList());
        }
    }

    /**
     * No link has an empty /Alt or an annotation that names a bare target; a footnote call is
     * «Примечание 1» (or "Note 1" in an English article), a link in one piece is named by its text.
     */
    @Test
    void linksHaveMeaningfulNames() throws IOException {
        ReadAloud sample = read(BuiltIssue.of(BuiltIssue.SAMPLE));
        assertLinksNamed(sample);
        List<String> calls = sample.ofType("Link").stream().filter(l -> l.text().strip().matches("\\d")
                && l.alt() != null && l.alt().startsWith("Примечание")).map(ReadAloud.Heard::alt).toList();
        assertEquals(List.of("Примечание 1", "Примечание 2", "Примечание 3", "Примечание 4"), calls.subList(0, 4));
        assertTrue(sample.ofType("Link").stream().anyMatch(l -> "cluster.hse.ru".equals(l.alt())
                && "cluster.hse.ru".equals(l.contents())), "a web link is named by its text");
        assertLinksNamed(read(BuiltIssue.of(BuiltIssue.FIXTURE)));
        try (PDDocument english = englishOffprint()) {
            ReadAloud heard = new ReadAloud(english);
            assertLinksNamed(heard);
            ReadAloud.Heard call = heard.ofType("Link").stream().filter(l -> "1".equals(l.text().strip()))
                    .findFirst().orElseThrow();
            assertEquals("Note 1", call.alt());
            assertEquals("Note 1", call.contents());
        }
    }

    private static void assertLinksNamed(ReadAloud heard) {
        List<ReadAloud.Heard> links = heard.ofType("Link");
        assertFalse(links.isEmpty());
        for (ReadAloud.Heard link : links) {
            assertTrue(link.alt() == null || !link.alt().isBlank(), "an empty /Alt on the link «" + link.text() + "»");
            assertTrue(link.contents() != null && !link.contents().isBlank() && !link.contents().startsWith("#"),
                    "the link «" + link.text() + "» is announced as «" + link.contents() + "»");
        }
    }

    /** The contents are a TOC of TOCI entries; the titles of tables and figures are Captions. */
    @Test
    void contentsAndTitlesHaveTheirStructureTypes() throws IOException {
        ReadAloud sample = read(BuiltIssue.of(BuiltIssue.SAMPLE));
        assertFalse(sample.ofType("TOC").isEmpty());
        List<String> entries = sample.ofType("TOCI").stream().map(h -> BuiltIssue.normalize(h.text())).toList();
        assertTrue(entries.contains("Как развитие кластеров способствует технологической независимости Москвы4"),
                entries.toString());
        List<String> captions = sample.ofType("Caption").stream().map(h -> BuiltIssue.normalize(h.text())).toList();
        assertTrue(captions.contains("Таблица 1. Топ-20 регионов по числу созданных организаций креативных индустрий, 2024 г."),
                captions.toString());
        assertTrue(captions.stream().anyMatch(c -> c.startsWith("Рис. 1. Регионы по темпам прироста")), captions.toString());
        for (ReadAloud.Heard p : sample.ofType("P")) {
            assertFalse(BuiltIssue.normalize(p.text()).matches("(Таблица|Рис\\.) \\d+\\. .*"), "a title left as P: " + p.text());
        }
        assertFalse(read(BuiltIssue.of(BuiltIssue.FIXTURE)).ofType("TOCI").isEmpty(), "the fixture's contents");
        try (PDDocument english = englishOffprint()) {
            List<String> own = new ReadAloud(english).ofType("Caption").stream()
                    .map(h -> BuiltIssue.normalize(h.text())).toList();
            assertEquals(List.of("Figure 1. The joint research plan", "Table 1. Partners by type"), own);
        }
    }

    /** An English article's offprint is an English document, in the catalog and in its XMP. */
    @Test
    void anEnglishOffprintDeclaresEnglish() throws Exception {
        try (PDDocument english = englishOffprint()) {
            assertEquals("en", english.getDocumentCatalog().getLanguage());
            var xmp = new DomXmpParser().parse(english.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(List.of("en"), xmp.getDublinCoreSchema().getLanguages());
            assertTrue(new PDFTextStripper().getText(english).contains("Cluster partners"));
        }
        try (PDDocument english = englishOffprint()) {
            ArchiveQualityTest.assertCompliant(java.nio.file.Files.readAllBytes(temp.resolve("english.pdf")));
        }
    }

    /** The cover's figure says what the picture shows (issue.yaml cover_alt), not the title read right after it. */
    @Test
    void theCoverSaysWhatItShows() throws IOException {
        ReadAloud sample = read(BuiltIssue.of(BuiltIssue.SAMPLE));
        ReadAloud.Heard cover = sample.ofType("Figure").get(0);
        assertTrue(BuiltIssue.normalize(cover.alt()).startsWith("Десять кластеров узлов, связанных в общую сеть"), cover.alt());
        String title = BuiltIssue.normalize(sample.ofType("H1").get(0).text());
        assertEquals("Территориальные кластеры", title);
        assertFalse(BuiltIssue.normalize(cover.alt()).contains(title), cover.alt());
    }

    /** The donut's alt text gives each share once, with its unit, and no unit after the list. */
    @Test
    void theDonutReadsEachShareOnce() throws IOException {
        String alt = read(BuiltIssue.of(BuiltIssue.SAMPLE)).ofType("Figure").stream().map(ReadAloud.Heard::alt)
                .filter(a -> a != null && a.startsWith("Кольцевая диаграмма")).findFirst().orElseThrow();
        assertEquals("Кольцевая диаграмма «Доля регионов в общем числе созданных организаций креативных индустрий, "
                + "2024 г.»: Москва и Московская область — 53,6 %; Все остальные регионы — 46,4 %.",
                BuiltIssue.normalize(alt));
    }
}

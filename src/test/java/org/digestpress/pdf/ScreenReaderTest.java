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
}

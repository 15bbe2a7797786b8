package org.digestpress.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRecordTest {

    @TempDir
    Path temp;

    private static ArchiveRecord sample(String title) {
        ArchiveRecord.Pdf pdf = new ArchiveRecord.Pdf("2030/2030-01.pdf", "ab", 12, 3456, "PDF/A-2u", "none");
        ArchiveRecord.Pdf offprint = new ArchiveRecord.Pdf("2030/2030-01/01-завод.pdf", "cd", 2, 789, "PDF/A-2u", "none");
        TreeMap<String, String> inputs = new TreeMap<>();
        inputs.put("publication/publication.yaml", "01");
        inputs.put("fonts/PTF55F.ttf", "02");
        ArchiveRecord.FileSum cover = new ArchiveRecord.FileSum("2030/2030-01.png", "aa", 100);
        return new ArchiveRecord("Вестник", "ru", new ArchiveRecord.FileSum("index.html", "bb", 10), List.of(
                new ArchiveRecord.Issue("2030-02", 2, "Выпуск № 2", "Февраль 2030", pdf, cover, "1.0",
                        "ff", inputs, List.of(), List.of()),
                new ArchiveRecord.Issue("2030-01", 1, "Выпуск № 1", "Январь 2030", pdf, cover, "1.0",
                        "ee", inputs, List.of(new ArchiveRecord.Article(1, "news/01-завод.md", "Новости", title, 4,
                        offprint)), List.of(new ArchiveRecord.Warning("2030-01/news/01-завод.md", 3, 1, "Предупреждение")))));
    }

    @Test
    void readsBackWhatItWroteWithIssuesSortedAndTheSameBytes() throws IOException {
        ArchiveRecord record = sample("Завод «Мотор» \"открыт\" \\ 100%\tтабуляция");
        Files.writeString(temp.resolve(ArchiveRecord.FILE_NAME), record.json());
        ArchiveRecord read = ArchiveRecord.read(temp);
        assertEquals(record, read);
        assertEquals(List.of("2030-01", "2030-02"), read.issues().stream().map(ArchiveRecord.Issue::issue).toList());
        assertEquals(record.json(), read.json());
        String json = record.json();
        assertTrue(json.indexOf("fonts/PTF55F.ttf") < json.indexOf("publication/publication.yaml"), "inputs sorted");
    }

    @Test
    void noRecordYetIsAnEmptyArchiveAndAForeignFileIsRefused() throws IOException {
        assertTrue(ArchiveRecord.read(temp).issues().isEmpty());
        Files.writeString(temp.resolve(ArchiveRecord.FILE_NAME), "{\"format\": 99, \"issues\": []}");
        assertThrows(IOException.class, () -> ArchiveRecord.read(temp));
        Files.writeString(temp.resolve(ArchiveRecord.FILE_NAME), "{\"format\": 2,\n \"issues\": [1, 2");
        IOException broken = assertThrows(IOException.class, () -> ArchiveRecord.read(temp));
        assertEquals("it is not valid JSON (line 2, column 17)", broken.getMessage());
    }

    @Test
    void indexEscapesTextAndEncodesFileNames() {
        String html = IndexPage.html(sample("<b>Жирный</b> & \"кавычки\""));
        assertTrue(html.contains("&lt;b&gt;Жирный&lt;/b&gt; &amp; &quot;кавычки&quot;"), html);
        assertFalse(html.contains("<b>Жирный"));
        assertTrue(html.contains("href=\"2030/2030-01/01-%D0%B7%D0%B0%D0%B2%D0%BE%D0%B4.pdf\""), html);
        assertTrue(html.contains("href=\"2030/2030-01.pdf#page=4\""), html);
        assertTrue(html.contains("<html lang=\"ru\">"));
    }
}

package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV an inline chart carries in the PDF opens in a spreadsheet as the author wrote the rows. */
class InlineRowsTest {

    @Test
    void writesTheXAndYColumnsAsRfc4180Csv() {
        DataTable table = new DataTable(Path.of("article.md"), List.of("Region", "Note", "Share, %"), 3, List.of(
                new DataTable.Row(2, 4, List.of("Калужская область", "skipped", "12,5")),
                new DataTable.Row(3, 5, List.of("The \"North\"", "skipped", " 7"))));

        byte[] csv = InlineRows.csv(table, 0, List.of(2));

        assertEquals("Region,\"Share, %\"\r\n"
                + "Калужская область,\"12,5\"\r\n"
                + "\"The \"\"North\"\"\",\" 7\"\r\n", new String(csv, StandardCharsets.UTF_8));
    }
}

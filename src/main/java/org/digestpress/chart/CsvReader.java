package org.digestpress.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV that spreadsheets export: RFC 4180 quoting, a header row, comma, semicolon or tab
 * as delimiter (Russian Excel writes semicolons, because the comma is its decimal mark). Blank
 * lines are skipped. Kept small on purpose: chart data is a few dozen rows.
 */
final class CsvReader {

    private CsvReader() {
    }

    /** The table, or {@code null} for a file with no non-blank line. */
    static DataTable read(Path file, String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = guessDelimiter(text);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean recordHasContent = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                recordHasContent = true;
            } else if (c == delimiter) {
                record.add(cell.toString().strip());
                cell.setLength(0);
                recordHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (recordHasContent || !cell.toString().isBlank()) {
                    record.add(cell.toString().strip());
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                recordHasContent = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (recordHasContent || !cell.toString().isBlank()) {
            record.add(cell.toString().strip());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            return null;
        }
        List<DataTable.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            // Row number = line number, as a spreadsheet opening the file would number it
            // (blank lines included); they differ only after a quoted cell spanning lines.
            rows.add(new DataTable.Row(lines.get(r), lines.get(r), List.copyOf(records.get(r))));
        }
        return new DataTable(file, List.copyOf(records.get(0)), lines.get(0), List.copyOf(rows));
    }

    /** The delimiter the header line uses most, outside quotes; comma when it uses none. */
    private static char guessDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}

package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the lines of every paragraph end, in every context that is hyphenated (issue 17: the
 * justified body, and the ragged-right lead, boxes, table cells, captions, notes), measured on the
 * built PDF of the sample and of every fixture: no more than two lines in a row end in a hyphen,
 * and no paragraph ends on a line holding only the tail of a hyphenated word («секто-/ра.»).
 * {@link ParagraphSettingTest} measures the justified body against its column.
 *
 * <p>Measured by this test before ragged text was composed (greedy breaking outside justified
 * paragraphs): the sample 3 tails alone (a box «десят-/ку.», two leads «ассо-/циация.»,
 * «ву-/зов.»), 30 hyphenated ragged line ends; the stress fixture, whose last article has a table
 * of narrow columns and long words, a run of four hyphenated lines in one cell and 10 tails alone
 * in its cells, 34 hyphenated cell line ends. Now none, none, 24 and 15 (README, «How paragraphs
 * are set»). The other fixtures have no hyphenated line; they are measured so that one would count.
 */
class RaggedSettingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/fixture", "src/test/resources/stress",
            "src/test/resources/archive-fixture", "src/test/resources/english"})
    void noHyphenLaddersAndNoTailAloneInAnyContext(String publication) throws IOException {
        BuiltIssue issue = BuiltIssue.of(BuiltIssue.REPO.resolve(Path.of(publication)));
        try (PDDocument document = issue.open()) {
            List<String> ladders = new ArrayList<>();
            List<String> tails = new ArrayList<>();
            int lines = 0;
            int hyphenated = 0;
            java.util.Map<String, Integer> bySize = new java.util.TreeMap<>();
            for (TextLines.Paragraph paragraph : TextLines.read(document)) {
                List<TextLines.Line> ls = paragraph.lines();
                int run = 0;
                for (int i = 0; i < ls.size(); i++) {
                    TextLines.Line line = ls.get(i);
                    boolean last = i == ls.size() - 1;
                    lines++;
                    if (line.endsInHyphen() && !last) {
                        hyphenated++;
                        bySize.merge(String.format(Locale.ROOT, "%.1f pt", line.size()), 1, Integer::sum);
                        run++;
                        if (run == 3) {
                            ladders.add(where(ls.get(i - 2)) + " / " + where(ls.get(i - 1)) + " / " + where(line));
                        }
                    } else {
                        run = 0;
                    }
                    if (last && !paragraph.cut() && i > 0 && ls.get(i - 1).endsInHyphen() && !line.hasSpace()) {
                        tails.add(where(ls.get(i - 1)) + " / " + where(line));
                    }
                }
            }
            String summary = String.format(Locale.ROOT,
                    "%s: %d lines, %d end in a hyphen %s, %d runs of 3+ hyphens, %d tails alone",
                    publication, lines, hyphenated, bySize, ladders.size(), tails.size());
            System.out.println(summary);
            assertTrue(lines > 0, summary);
            assertTrue(ladders.isEmpty(), summary + "\n" + String.join("\n", ladders));
            assertTrue(tails.isEmpty(), summary + "\n" + String.join("\n", tails));
        }
    }

    private static String where(TextLines.Line line) {
        String text = line.text();
        return String.format(Locale.ROOT, "p%d %.1fpt «%s»", line.page(), line.size(),
                text.length() > 40 ? "…" + text.substring(text.length() - 40) : text);
    }
}

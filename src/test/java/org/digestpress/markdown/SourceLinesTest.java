package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

/** Every printed block carries the line of the file it is written at (the body starting at line 10 here). */
class SourceLinesTest {

    private final Problems problems = new Problems();
    private final MarkdownRenderer renderer = new MarkdownRenderer(new References(BuiltIssue.FIXTURE),
            Labels.load(Assets.directory(BuiltIssue.REPO.resolve("templates")), "ru", problems), null);
    private final Path file = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");

    private static final String TEXT = String.join("\n",
            "Первый абзац",                      // 10
            "вторая строка.",                    // 11
            "",
            "## Заголовок",                       // 13
            "",
            "- пункт",                            // 15
            "- ещё",                              // 16
            "",
            "1. раз",                             // 18
            "",
            "   два",                             // 20
            "",
            "::: {.note}",                        // 22
            "Текст в рамке.",                     // 23
            ":::",
            "",
            "> цитата",                           // 26
            "",
            "| A | B |",                          // 28
            "|---|---|",
            "| x | 1 |",                          // 30
            "| y | 2 |",                          // 31
            "",
            "Сноска[^1].",                        // 33
            "",
            "[^1]: Текст сноски.",                // 35
            "");

    @Test
    void blocksCarryTheirFileLinesInListsBoxesTablesAndFootnotes() {
        String html = renderer.render(TEXT, file, 10, "a1", "ru", problems);
        assertTrue(problems.isEmpty(), problems.all().toString());
        assertTrue(html.contains("<p data-src=\"a1:10:1:11\">Первый абзац вторая строка.</p>"), html);
        assertTrue(html.contains("data-src=\"a1:13:1:13\">Заголовок<"), html);
        assertTrue(html.contains("<li data-src=\"a1:15:1:15\">пункт</li>"), html);
        assertTrue(html.contains("<li data-src=\"a1:16:1:16\">ещё</li>"), html);
        assertTrue(html.contains("<p data-src=\"a1:20:4:20\">два</p>"), "a list item's second paragraph, indented: " + html);
        assertTrue(html.matches("(?s).*<div class=\"box box--note\"[^>]* data-src=\"a1:22:1:22\".*"), html);
        assertTrue(html.contains("<p data-src=\"a1:23:1:23\">Текст в рамке.</p>"), "inside the box: " + html);
        assertTrue(html.contains("<p data-src=\"a1:26:3:26\">цитата</p>"), html);
        assertTrue(html.contains("<tr data-src=\"a1:30:1:30\"><td>x</td>"), html);
        assertTrue(html.contains("<tr data-src=\"a1:31:1:31\"><td>y</td>"), html);
        assertTrue(html.contains("<span class=\"footnote\" data-src=\"a1:35:1:35\">Текст сноски.</span>"),
                "the note printed at the page foot leads to its definition: " + html);
    }

    @Test
    void chartsAndBoxesAfterOtherBlocksKeepTheFileLines() {
        // a box's opening line is taken out of the text flexmark sees: what follows must not shift
        String html = renderer.render("::: {.quote speaker=\"А\"}\nСлова.\n:::\n\nПосле.\n", file, 3, "a2", "ru",
                problems);
        assertTrue(html.contains("<p data-src=\"a2:4:1:4\">Слова.</p>"), html);
        assertTrue(html.contains("<p data-src=\"a2:7:1:7\">После.</p>"), html);
    }

    @Test
    void stripLeavesTheMarkupAsWithoutMarks() {
        String html = renderer.render("Абзац.\n\n- пункт\n", file, 1, "a3", "ru", problems);
        assertEquals("<p>Абзац.</p>\n<ul>\n<li>пункт</li>\n</ul>\n", SourceLines.strip(html));
    }
}

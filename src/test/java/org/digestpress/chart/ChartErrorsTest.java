package org.digestpress.chart;

import static org.digestpress.chart.ChartBlocks.ARTICLE;
import static org.digestpress.chart.ChartBlocks.FIRST_LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.digestpress.markdown.ChartBlockHandler.ChartFigure;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

/**
 * Each mistake an author can make in a chart block is reported once, in the right file, at the
 * line of the offending key, value or row, and the block yields no figure. YAML line L of a block
 * is article line {@code FIRST_LINE + L}.
 */
class ChartErrorsTest {

    private static final Path DATA = ARTICLE.toAbsolutePath().getParent().resolve("data");

    private final Problems problems = new Problems();

    private ChartFigure render(String yaml) {
        return new ChartCompiler(ChartBlocks.STYLE).render(ChartBlocks.block("k", "en", yaml), problems);
    }

    /** The block's one and only problem, which must be an error. */
    private Problem onlyError(String yaml) {
        ChartFigure figure = render(yaml);
        List<Problem> all = problems.all();
        assertEquals(1, all.size(), () -> "expected exactly one problem, got " + all);
        assertTrue(all.get(0).isError(), all.get(0)::toString);
        assertNull(figure, "a broken block yields no figure");
        return all.get(0);
    }

    private static void assertAt(Problem problem, Path file, int yamlLine, String... fragments) {
        assertEquals(file.toAbsolutePath().normalize(), problem.file().toAbsolutePath().normalize(), problem::toString);
        assertEquals(FIRST_LINE + yamlLine, problem.line(), problem::toString);
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in: " + problem.message());
        }
    }

    /** In a CSV file the line is the file's own, not the block's. */
    private static void assertAtCsvLine(Problem problem, String csv, int line, String... fragments) {
        assertEquals(DATA.resolve(csv).normalize(), problem.file().toAbsolutePath().normalize(), problem::toString);
        assertEquals(line, problem.line(), problem::toString);
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in: " + problem.message());
        }
    }

    @Test
    void unknownTypeListsTheValidOnes() {
        Problem p = onlyError("""
                title: Revenue
                type: pies
                rows: [[Year, Revenue], [2023, 5]]
                x: Year
                y: Revenue
                """);
        assertAt(p, ARTICLE, 1, "'pies'", "bar, hbar, stacked-bar, line, area, pie, donut");
    }

    @Test
    void missingCsvNamesThePath() {
        Problem p = onlyError("""
                type: bar
                title: Revenue

                data: data/missing.csv
                x: Year
                y: Revenue
                """);
        assertAt(p, ARTICLE, 3, "data/missing.csv", "not found");
    }

    @Test
    void urlsAndAbsolutePathsAreRejected() {
        Problem url = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                data: https://example.com/revenue.csv
                """);
        assertAt(url, ARTICLE, 4, "https://example.com/revenue.csv", "relative");

        Problems absoluteProblems = new Problems();
        new ChartCompiler(ChartBlocks.STYLE).render(ChartBlocks.block("k", "en", """
                type: bar
                title: Revenue
                data: /etc/passwd
                x: Year
                y: Revenue
                """), absoluteProblems);
        assertEquals(1, absoluteProblems.errorCount());
        assertAt(absoluteProblems.all().get(0), ARTICLE, 2, "/etc/passwd", "relative");
    }

    @Test
    void unknownXColumnNamesItAndListsTheColumns() {
        Problem p = onlyError("""
                type: bar
                title: Выручка
                data: data/revenue.csv
                x: Year
                y: Выручка
                """);
        assertAt(p, ARTICLE, 3, "'Year'", "available columns: Год, Выручка, Прибыль");
    }

    @Test
    void unknownYColumnIsReportedAtItsListItem() {
        Problem p = onlyError("""
                type: line
                title: Выручка
                data: data/revenue.csv
                x: Год
                y:
                  - Выручка
                  - Убыток
                """);
        assertAt(p, ARTICLE, 6, "'Убыток'", "available columns: Год, Выручка, Прибыль");
    }

    @Test
    void nonNumberInInlineRowsNamesRowAndColumn() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                rows:
                  - [Year, Revenue]
                  - [2022, 33]
                  - [2023, abc]
                  - [2024, 59]
                x: Year
                y: Revenue
                """);
        assertAt(p, ARTICLE, 5, "Row 3", "column 'Revenue'", "'abc' is not a number");
    }

    @Test
    void nonNumberInCsvIsReportedAtTheCsvLine() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                data: data/not-a-number.csv
                x: Year
                y: Revenue
                """);
        assertAtCsvLine(p, "not-a-number.csv", 3, "Row 3", "column 'Revenue'", "'abc' is not a number");
    }

    @Test
    void raggedInlineRowCountsItsCells() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                rows:
                  - [Year, Revenue]
                  - [2022, 33]
                  - [2023]
                """);
        assertAt(p, ARTICLE, 7, "Row 3 has 1 cell, but the header has 2");
    }

    @Test
    void raggedCsvRowIsNumberedLikeASpreadsheet() {
        // Line 3 of the file is blank; the short row is on line 4, where a spreadsheet shows it.
        Problem p = onlyError("""
                type: bar
                title: Revenue
                data: data/ragged.csv
                x: Year
                y: Revenue
                """);
        assertAtCsvLine(p, "ragged.csv", 4, "Row 4 has 1 cell, but the header has 2");
    }

    @Test
    void headerWithoutRowsIsEmptyData() {
        Problem inline = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                rows:
                  - [Year, Revenue]
                """);
        assertAt(inline, ARTICLE, 4, "no data rows");
    }

    @Test
    void csvWithHeaderOnlyIsEmptyData() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                data: data/header-only.csv
                """);
        assertAt(p, ARTICLE, 4, "header-only.csv", "no data rows");
    }

    @Test
    void eachMissingRequiredKeyIsReportedAtTheBlockStart() {
        String complete = """
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                rows: [[Year, Revenue], [2023, 5]]
                """;
        assertNotNull(render(complete), () -> problems.all().toString());
        for (String key : List.of("type", "title", "x", "y")) {
            Problems own = new Problems();
            String without = complete.lines().filter(l -> !l.startsWith(key + ":"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertNull(new ChartCompiler(ChartBlocks.STYLE).render(ChartBlocks.block("k", "en", without), own));
            assertEquals(1, own.all().size(), () -> key + ": " + own.all());
            assertAt(own.all().get(0), ARTICLE, 0, "no '" + key + "' key");
        }
        Problem noData = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                """);
        assertAt(noData, ARTICLE, 0, "'data'", "'rows'");
    }

    @Test
    void unknownKeyIsAWarningAndTheChartStillRenders() {
        ChartFigure figure = render("""
                type: bar
                title: Revenue
                colour: red
                x: Year
                y: Revenue
                rows: [[Year, Revenue], [2023, 5]]
                """);
        assertNotNull(figure);
        assertEquals(0, problems.errorCount());
        assertEquals(1, problems.warningCount());
        assertAt(problems.all().get(0), ARTICLE, 2, "'colour'");
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsLine() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                x: Year: Month
                y: Revenue
                """);
        // the slip named in words, as in front matter, not the parser's "mapping values are not allowed"
        assertAt(p, ARTICLE, 2, "colon followed by a space", "x: \"Year: Month\"");
        assertEquals(4, p.column(), p::toString);
    }

    @Test
    void anUnclosedQuoteIsNamedInWordsAtItsOwnLine() {
        // the parser stops at the end of the block, lines below the slip, with "unexpected end of stream"
        Problem p = onlyError("""
                type: bar
                title: "Revenue by year
                x: Year
                y: Revenue
                rows:
                  - [2024, 1]
                """);
        assertAt(p, ARTICLE, 1, "The quote \" opened here is not closed on this line", "title: \"Revenue by year\"");
        assertEquals(8, p.column(), p::toString);
    }

    @Test
    void widthOutsideItsRangeIsAnError() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                width: 1.5
                rows: [[Year, Revenue], [2023, 5]]
                """);
        assertAt(p, ARTICLE, 4, "'width'", "0.3 to 1");
    }

    @Test
    void pieRejectsNegativeShares() {
        Problem p = onlyError("""
                type: pie
                title: Shares
                x: Party
                y: Share
                rows:
                  - [Party, Share]
                  - [A, 60]
                  - [B, -5]
                """);
        assertAt(p, ARTICLE, 7, "Row 3", "negative");
    }

    @Test
    void repeatedCategoryIsAnError() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                x: Year
                y: Revenue
                rows:
                  - [Year, Revenue]
                  - [2023, 5]
                  - [2023, 6]
                """);
        assertAt(p, ARTICLE, 7, "Row 3", "'2023'", "row 2");
    }

    @Test
    void labelsMustBeABoolean() {
        Problem p = onlyError("""
                type: bar
                title: Revenue
                labels: maybe
                x: Year
                y: Revenue
                rows: [[Year, Revenue], [2023, 5]]
                """);
        assertAt(p, ARTICLE, 2, "'labels'", "true or false");
    }
}

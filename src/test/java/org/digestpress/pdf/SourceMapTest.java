package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source map answers with the file and line of what is printed under a point, found by reading
 * the glyphs' positions back from the PDF, and the page of a source line.
 */
class SourceMapTest {

    private static final Path NEWS = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");
    private static final Path RESEARCH = BuiltIssue.FIXTURE.resolve("2030-01/research/01-obzor.md");

    @TempDir
    static Path temp;
    private static Workspace.IssueBuild built;
    private static List<Glyphs> lines;

    /** One text run as the PDF draws it: its page and the first glyph's top-left corner as fractions. */
    record Glyphs(int page, double fx, double fy, String text) {
    }

    @BeforeAll
    static void build() throws IOException {
        built = Pipeline.workspace().buildIssue(BuiltIssue.request(BuiltIssue.FIXTURE, temp.resolve("issue.pdf")));
        assertTrue(!built.result().failed(), built.result().problems().toString());
        lines = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(built.result().pdf().toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    float width = getCurrentPage().getMediaBox().getWidth();
                    float height = getCurrentPage().getMediaBox().getHeight();
                    // a point inside the first glyph: half its width right, half its height up from the baseline
                    lines.add(new Glyphs(getCurrentPageNo(), (first.getXDirAdj() + first.getWidthDirAdj() / 2) / width,
                            (first.getYDirAdj() - first.getHeightDir() / 2) / height,
                            text.replace('\u00a0', ' ').replace('\u202f', ' ')));
                }
            };
            stripper.getText(pdf);
        }
    }

    /** The last line that starts so: a title's first is its contents entry. */
    private static Glyphs find(String start) {
        return lines.stream().filter(l -> l.text().startsWith(start)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no line starts with " + start));
    }

    private static Optional<SourceMap.Point> at(Glyphs glyphs) {
        return built.sourceMap().at(glyphs.page(), glyphs.fx(), glyphs.fy());
    }

    @Test
    void aPointOnAParagraphGivesItsFileAndLine() {
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 15, 1)), at(find("Завод в Калуге начал")));
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 17, 1)), at(find("Объём инвестиций")));
        // inside a box (the quote opens at line 19, its words at 20)
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 20, 1)), at(find("Мы рассчитываем")));
        // the footnote at the page foot leads to its definition
        // (a little right of the note's number, which the renderer sets outside the note's own box)
        Glyphs note = find("1. По данным пресс-службы");
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 23, 1)),
                built.sourceMap().at(note.page(), note.fx() + 0.1, note.fy()));
    }

    @Test
    void theTitleAndTheLeadLeadToTheirFrontMatterLines() {
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 2, 1)), at(find("В Калуге открылся")));
        assertEquals(Optional.of(new SourceMap.Point(NEWS, 3, 1)), at(find("Новое производство")));
    }

    @Test
    void aTableRowGivesItsOwnLine() {
        // the first table's second row; the second table (raw HTML) has a row of the same name, later
        Glyphs row = lines.stream().filter(l -> l.text().startsWith("Татарстан")).findFirst().orElseThrow();
        assertEquals(Optional.of(new SourceMap.Point(RESEARCH, 18, 1)), at(row));
    }

    @Test
    void aTableWrittenInHtmlLeadsToItsFirstLine() {
        Glyphs row = lines.stream().filter(l -> l.text().startsWith("Татарстан")).reduce((a, b) -> b).orElseThrow();
        assertEquals(Optional.of(new SourceMap.Point(RESEARCH, 23, 1)), at(row));
        assertEquals(OptionalInt.of(row.page()), built.sourceMap().pageOf(RESEARCH, 30), "a row's line inside it");
    }

    @Test
    void aHeadingsLineGivesThePageTheContentsClaim() {
        for (Workspace.Entry entry : built.contents()) {
            if (entry.file() != null && entry.file().equals(NEWS)) {
                assertEquals(OptionalInt.of(entry.page()), built.sourceMap().pageOf(NEWS, 2));
                assertTrue(entry.page() > 1);
                return;
            }
        }
        throw new AssertionError("the contents have no entry for " + NEWS);
    }

    @Test
    void aLineInsideAParagraphIsPrintedWhereTheParagraphIsAndABlankLineNowhere() {
        int page = built.sourceMap().pageOf(NEWS, 15).orElseThrow();
        assertEquals(find("Завод в Калуге начал").page(), page);
        assertEquals(OptionalInt.empty(), built.sourceMap().pageOf(NEWS, 16), "a blank line is not printed");
        assertEquals(OptionalInt.empty(), built.sourceMap().pageOf(NEWS, 1), "nor is the front matter's ---");
        assertEquals(OptionalInt.empty(), built.sourceMap().pageOf(NEWS, 999));
        assertEquals(OptionalInt.of(page), built.sourceMap().pageOf(BuiltIssue.REPO.relativize(NEWS), 15),
                "a path relative to the working folder names the same file");
    }

    @Test
    void theEmptyMapAnswersNothing() {
        assertEquals(Optional.empty(), SourceMap.empty().at(1, 0.5, 0.5));
        assertEquals(OptionalInt.empty(), SourceMap.empty().pageOf(NEWS, 2));
    }
}

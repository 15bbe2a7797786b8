package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.List;

import org.digestpress.markdown.ChartBlockHandler.ChartFigure;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

class ChartObjectDrawerTest {

    private static final String BLOCK = """
            type: bar
            title: Revenue
            rows: [[Year, Revenue], [2023, 5], [2024, 7]]
            x: Year
            y: Revenue
            """;

    /** Without the family in AWT every label would silently become outlines: refuse instead. */
    @Test
    void refusesToDrawWithAFontAwtDoesNotKnow() {
        ChartCompiler compiler = new ChartCompiler(ChartStyle.fromBrand("No Such Family 7f3a",
                Color.BLUE, Color.RED, Color.BLACK));
        ChartFigure figure = compiler.render(ChartBlocks.block("k", "en", BLOCK), new Problems());
        assertNotNull(figure);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ChartPdf.render(compiler, List.of(figure.objectXhtml())));
        Throwable cause = e;
        while (cause != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, () -> "no IllegalStateException in " + e);
        assertTrue(cause.getMessage().contains("not known to AWT"), cause.getMessage());
    }

    @Test
    void brokenBlockLeavesNothingToDraw() {
        ChartCompiler compiler = new ChartCompiler(ChartBlocks.STYLE);
        Problems problems = new Problems();
        compiler.render(ChartBlocks.block("broken", "en", "type: bar\n"), problems);
        assertTrue(problems.hasErrors());
        assertEquals(null, compiler.compiledChart("broken"));
        // The placeholder of a broken chart renders as empty space, not as an exception.
        byte[] pdf = ChartPdf.render(compiler, List.of("<object type=\"" + ChartCompiler.OBJECT_TYPE
                + "\" data-chart=\"broken\" style=\"width:50%;height:40mm\" alt=\"\"></object>"));
        assertTrue(pdf.length > 0);
    }

    @Test
    void labelsWithCharactersTheFontLacksAreReported() {
        ChartPdf.registerFontsWithAwt();
        Problems problems = new Problems();
        ChartFigure figure = new ChartCompiler(ChartBlocks.STYLE).render(ChartBlocks.block("k", "en", """
                type: bar
                title: Routes
                rows: [[Route, Trips], [A → B, 5], [B → C, 7]]
                x: Route
                y: Trips
                """), problems);
        assertNotNull(figure);
        List<Problem> warnings = problems.all();
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).message().contains("U+2192"), warnings.get(0)::toString);
        assertEquals(ChartBlocks.FIRST_LINE, warnings.get(0).line());
    }

    /** In PDF/A mode openhtmltopdf drops text in unregistered fonts silently: the labels must survive. */
    @Test
    void labelsSurviveArchivalRendering() throws Exception {
        ChartCompiler compiler = new ChartCompiler(ChartBlocks.STYLE);
        ChartFigure figure = compiler.render(ChartBlocks.block("k", "ru", """
                type: bar
                title: Выручка
                rows: [[Год, Выручка], [2023, 5], [2024, 12500]]
                x: Год
                y: Выручка
                unit: млн руб.
                labels: true
                """), new Problems());
        assertNotNull(figure);
        byte[] pdf = ChartPdf.render(compiler, List.of(figure.objectXhtml()), true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00A0', ' ');
            for (String expected : List.of("2023", "2024", "12 500", "млн руб.")) {
                assertTrue(text.contains(expected), () -> "'" + expected + "' not in: " + text);
            }
            for (PDFont font : ChartPdf.fonts(document.getPage(0))) {
                assertTrue(font.isEmbedded(), font::getName);
            }
        }
    }
}

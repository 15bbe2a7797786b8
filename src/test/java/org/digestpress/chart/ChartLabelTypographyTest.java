package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.markdown.ChartBlockHandler.ChartFigure;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

/**
 * Category labels, legends and units get the typography of their language: narrow bars make
 * JFreeChart wrap the labels, and the rendered text shows where it wrapped.
 */
class ChartLabelTypographyTest {

    private static List<String> renderedLines(String language, String yaml) throws IOException {
        ChartPdf.registerFontsWithAwt();
        ChartCompiler compiler = new ChartCompiler(ChartBlocks.STYLE);
        Problems problems = new Problems();
        ChartFigure figure = compiler.render(ChartBlocks.block("typo", language, yaml), problems);
        assertNotNull(figure, problems.all().toString());
        try (PDDocument document = Loader.loadPDF(ChartPdf.render(compiler, List.of(figure.objectXhtml())))) {
            return Arrays.stream(new PDFTextStripper().getText(document).split("\\R")).map(String::strip).toList();
        }
    }

    @Test
    void categoryLabelsAndLegendsWrapOnlyWhereAPersonWould() throws IOException {
        List<String> lines = renderedLines("ru", """
                title: Регионы
                type: bar
                x: Регион
                y: [Было, Стало]
                width: 0.6
                rows:
                  - [Регион, Было, Стало]
                  - [Москва и Московская область, 30, 35]
                  - [Российский рынок (не менее), 24, 26]
                  - [Санкт-Петербург и Ленинградская область, 19, 21]
                  - [В том числе с участием вузов, 14, 17]
                  - [Республика Татарстан, 11, 12]
                """);
        String all = String.join("\n", lines);
        assertTrue(all.replace('\u00a0', ' ').contains("Москва"), all);
        assertTrue(lines.size() > 8, "the labels did wrap: " + lines);
        for (String line : lines) {
            String plain = line.replace('\u00a0', ' ').strip();
            assertFalse(plain.matches(".*(?:^|[\\s(])(?:и|в|с|не|на|по|В)$"), "a line ends with a short word: «" + plain + "» in\n" + all);
        }
        assertTrue(all.contains("и\u00a0Московская") || all.contains("и\u00a0Ленинградская"),
                "short words hold to the next with a no-break space: " + all);
    }

    @Test
    void quotesAndDashesInLabelsAreTypeset() throws IOException {
        List<String> lines = renderedLines("ru", """
                title: Кластеры
                type: hbar
                x: Кластер
                y: [Участников]
                unit: ед. - оценка
                rows:
                  - [Кластер, Участников]
                  - ["Кластер \\"Север\\"", 12]
                  - [Юг - Восток, 9]
                """);
        String all = String.join("\n", lines).replace('\u00a0', ' ');
        assertTrue(all.contains("Кластер «Север»"), all);
        assertTrue(all.contains("Юг — Восток"), all);
        assertTrue(all.contains("ед. — оценка"), all);
    }
}

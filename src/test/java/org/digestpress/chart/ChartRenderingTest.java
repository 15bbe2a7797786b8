package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.markdown.ChartBlockHandler.ChartFigure;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chart type rendered into a real PDF through openhtmltopdf, then read back: the labels
 * must be text in an embedded font, and nothing may be a raster image or a gradient. The PDF is
 * kept in target/chart-look/ for looking at.
 */
class ChartRenderingTest {

    /** A chart block, the page it lands on, and text that must be extractable from that page. */
    record Case(String name, String language, String yaml, List<String> expectedText) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("bar", "ru", """
                    id: revenue
                    type: bar
                    title: Выручка группы
                    data: data/revenue.csv
                    x: Год
                    y: Выручка
                    unit: млрд руб.
                    labels: true
                    """, List.of("2022", "2023", "2024", "33,0", "67,0", "59,5", "млрд руб.")),
            new Case("hbar", "en", """
                    type: hbar
                    title: Visitors by city
                    rows:
                      - [City, Visitors]
                      - [Moscow, 12500]
                      - [Saint Petersburg, 8300]
                      - [Kazan, 4100]
                    x: City
                    y: Visitors
                    unit: visitors
                    labels: true
                    """, List.of("Moscow", "Saint Petersburg", "Kazan", "12,500", "8,300", "4,100", "visitors")),
            new Case("stacked-bar", "ru", """
                    type: stacked-bar
                    title: Продажи по каналам
                    rows:
                      - [Квартал, Онлайн, Магазины]
                      - [I кв., 12, 30]
                      - [II кв., 18, 27]
                      - [III кв., 25, 24]
                      - [IV кв., 31, 22]
                    x: Квартал
                    y: [Онлайн, Магазины]
                    unit: тыс. заказов
                    labels: true
                    """, List.of("I кв.", "IV кв.", "Онлайн", "Магазины", "31", "22", "тыс. заказов")),
            new Case("line", "ru", """
                    type: line
                    title: Подписчики
                    rows:
                      - [Год, Подписчики]
                      - [2019, 8500]
                      - [2020, 10200]
                      - [2021, 14800]
                      - [2022, 21300]
                      - [2023, 26900]
                    x: Год
                    y: Подписчики
                    labels: true
                    """, List.of("2019", "2023", "8500", "10 200", "26 900")),
            new Case("area", "en", """
                    type: area
                    title: Rainfall
                    rows:
                      - [Month, North, South]
                      - [Jan, 42.5, 30]
                      - [Feb, 38, 28.5]
                      - [Mar, 45, 35]
                      - [Apr, 51, 40]
                    x: Month
                    y: [North, South]
                    unit: mm
                    """, List.of("Jan", "Apr", "North", "South", "mm")),
            new Case("pie", "ru", """
                    type: pie
                    title: Доли рынка
                    rows:
                      - [Компания, Доля]
                      - [Альфа, 45]
                      - [Бета, 30]
                      - [Гамма, 15]
                      - [Прочие, 10]
                    x: Компания
                    y: Доля
                    """, List.of("Альфа", "Бета", "Гамма", "Прочие", "45 %", "10 %")),
            new Case("donut", "en", """
                    type: donut
                    title: Energy mix
                    rows:
                      - [Source, TWh]
                      - [Gas, 460.2]
                      - [Nuclear, 215]
                      - [Hydro, 196]
                      - [Coal, 160]
                      - [Wind and solar, 12]
                    x: Source
                    y: TWh
                    labels: true
                    """, List.of("Gas", "Nuclear", "Hydro", "Coal", "Wind and solar", "44.1%", "460.2")),
            new Case("narrow bar, long names", "ru", """
                    type: bar
                    title: Вакансии по округам
                    width: 0.5
                    height: 60
                    rows:
                      - [Округ, Вакансии]
                      - [Центральный федеральный округ, 182400]
                      - [Северо-Западный, 64100]
                      - [Приволжский федеральный округ, 97300]
                    x: Округ
                    y: Вакансии
                    unit: вакансий
                    labels: true
                    """, List.of("Центральный", "федеральный", "Западный", "182 400", "64 100", "вакансий")));

    private static PDDocument document;
    private static final List<ChartFigure> figures = new ArrayList<>();

    @BeforeAll
    static void renderAllCharts() throws IOException {
        ChartPdf.registerFontsWithAwt();
        ChartCompiler compiler = new ChartCompiler(ChartBlocks.STYLE);
        Problems problems = new Problems();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            ChartFigure figure = compiler.render(ChartBlocks.block("chart-" + i, c.language(), c.yaml()), problems);
            assertNotNull(figure, () -> c.name() + ": " + problems.all());
            figures.add(figure);
            objects.add(figure.objectXhtml());
        }
        assertTrue(problems.isEmpty(), () -> problems.all().toString());
        byte[] pdf = ChartPdf.render(compiler, objects);
        Path look = Path.of("target/chart-look");
        Files.createDirectories(look);
        Files.write(look.resolve("charts.pdf"), pdf);
        document = Loader.loadPDF(pdf);
    }

    @AfterAll
    static void close() throws IOException {
        if (document != null) {
            document.close();
        }
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    private static PDPage pageOf(Case c) {
        return document.getPage(CASES.indexOf(c));
    }

    private static String textOf(Case c) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        int page = CASES.indexOf(c) + 1;
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        // Number spaces come out as U+00A0 (or U+202F where a font has it); compare with plain spaces.
        return stripper.getText(document).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @Test
    void everyChartHasItsOwnPage() {
        assertEquals(CASES.size(), document.getNumberOfPages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelsAreExtractableText(Case c) throws IOException {
        String text = textOf(c);
        for (String expected : c.expectedText()) {
            assertTrue(text.contains(expected), () -> c.name() + ": '" + expected + "' not in page text:\n" + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void chartIsVectorWithoutGradients(Case c) throws IOException {
        PDPage page = pageOf(c);
        assertFalse(ChartPdf.forms(page).isEmpty(), "the chart should be drawn as a form XObject");
        assertEquals(List.of(), ChartPdf.rasterImages(page));
        assertEquals(0, ChartPdf.shadingsAndPatterns(page));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFontIsEmbedded(Case c) throws IOException {
        List<PDFont> fonts = ChartPdf.fonts(pageOf(c));
        assertFalse(fonts.isEmpty(), "chart text should use a font, not outlines");
        for (PDFont font : fonts) {
            assertTrue(font.isEmbedded(), () -> font.getName() + " is not embedded");
            assertTrue(font.getName().contains("PTSans"), () -> font.getName() + " is not PT Sans");
        }
    }

    /**
     * The object is 100 % of the 170 mm text width and 70 mm high; the form is drawn in CSS px and
     * scaled by 72/96 into points. A drawer that forgot to divide by dots-per-pixel would be 20× off.
     */
    @Test
    void chartIsDrawnAtItsCssSize() throws IOException {
        PDFormXObject form = ChartPdf.forms(pageOf(CASES.get(0))).get(0);
        double widthPt = form.getBBox().getWidth() * 72 / 96;
        double heightPt = form.getBBox().getHeight() * 72 / 96;
        assertEquals(170 / 25.4 * 72, widthPt, 1.5);
        assertEquals(70 / 25.4 * 72, heightPt, 1.5);
    }

    @Test
    void circularChartsDefaultTallerThanBarCharts() {
        assertTrue(figures.get(0).objectXhtml().contains("height:70mm"), figures.get(0).objectXhtml());
        assertTrue(figures.get(5).objectXhtml().contains("height:80mm"), figures.get(5).objectXhtml());
    }
}

package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.digestpress.markdown.ChartBlockHandler.ChartFigure;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The generated alt text and the {@code <object>} placeholder that carries it. */
class AltTextTest {

    private final Problems problems = new Problems();

    private ChartFigure render(String key, String language, String yaml) {
        ChartFigure figure = new ChartCompiler(ChartBlocks.STYLE).render(ChartBlocks.block(key, language, yaml), problems);
        assertNotNull(figure, () -> problems.all().toString());
        return figure;
    }

    private static Element object(ChartFigure figure) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(figure.objectXhtml().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static final String REVENUE = """
            id: revenue
            type: bar
            title: Выручка
            rows:
              - [Год, Выручка]
              - [2022, 33]
              - [2023, 67]
              - [2024, 59]
            x: Год
            y: Выручка
            unit: млрд руб.
            """;

    @Test
    void russianAltListsEveryValueWithTheUnit() throws Exception {
        ChartFigure figure = render("c1", "ru", REVENUE);
        assertEquals("Столбчатая диаграмма «Выручка»: 2022 — 33; 2023 — 67; 2024 — 59 (млрд руб.).",
                object(figure).getAttribute("alt"));
        assertEquals("revenue", figure.id());
        assertEquals("Выручка", figure.title());
    }

    @Test
    void englishAltUsesEnglishWordsQuotesAndNumbers() throws Exception {
        ChartFigure figure = render("c1", "en", """
                type: hbar
                title: Visitors
                rows: [[City, Visitors], [Moscow, 12500], [Kazan, 4100.5]]
                x: City
                y: Visitors
                """);
        assertEquals("Horizontal bar chart \u201CVisitors\u201D: Moscow \u2014 12,500.0; Kazan \u2014 4,100.5.",
                object(figure).getAttribute("alt"));
    }

    @Test
    void severalSeriesAreListedOneAfterAnother() throws Exception {
        ChartFigure figure = render("c1", "ru", """
                type: line
                title: Продажи
                rows:
                  - [Квартал, Онлайн, Магазины]
                  - [I кв., 12, 30]
                  - [II кв., 18, ""]
                x: Квартал
                y: [Онлайн, Магазины]
                """);
        assertEquals("Линейный график «Продажи»: Онлайн: I кв. — 12, II кв. — 18; "
                + "Магазины: I кв. — 30, II кв. — нет данных.", object(figure).getAttribute("alt"));
    }

    @Test
    void pieAltGivesSharesWithRussianPercent() throws Exception {
        ChartFigure figure = render("c1", "ru", """
                type: pie
                title: Доли
                rows: [[Компания, Доля], [Альфа, 12500], [Бета, 2500]]
                x: Компания
                y: Доля
                """);
        assertEquals("Круговая диаграмма «Доли»: Альфа — 12\u202F500 (83,3\u202F%); Бета — 2500 (16,7\u202F%).",
                object(figure).getAttribute("alt"));
    }

    /** The sample's donut: values in per cent are read once, with their unit, and no «(%)» follows. */
    @Test
    void donutInPercentReadsEachShareOnce() throws Exception {
        ChartFigure figure = render("c1", "ru", """
                type: donut
                title: Доля
                unit: "%"
                rows: [[Группа, Доля], ["Москва и Московская область", 53.6], ["Все остальные регионы", 46.4]]
                x: Группа
                y: [Доля]
                """);
        assertEquals("Кольцевая диаграмма «Доля»: Москва и Московская область — 53,6\u202F%; "
                + "Все остальные регионы — 46,4\u202F%.", object(figure).getAttribute("alt"));
    }

    @Test
    void authorsAltWinsAndIsEscaped() throws Exception {
        ChartFigure figure = render("key&<\"1\">", "en", """
                type: donut
                title: Mix
                alt: 'Gas "wins" & coal <loses>'
                width: 0.6
                height: 55
                rows: [[Source, TWh], [Gas, 3], [Coal, 1]]
                x: Source
                y: TWh
                """);
        Element object = object(figure);
        assertEquals("object", object.getTagName());
        assertEquals(ChartCompiler.OBJECT_TYPE, object.getAttribute("type"));
        assertEquals("key&<\"1\">", object.getAttribute("data-chart"));
        assertEquals("width:60%;height:55mm", object.getAttribute("style"));
        assertEquals("Gas \"wins\" & coal <loses>", object.getAttribute("alt"));
    }

    @Test
    void captionAndSourcePassThrough() {
        ChartFigure figure = render("c1", "ru", REVENUE + "caption: По данным отчётности\nsource: Росстат\n");
        assertEquals("По данным отчётности", figure.caption());
        assertEquals("Росстат", figure.source());
    }
}

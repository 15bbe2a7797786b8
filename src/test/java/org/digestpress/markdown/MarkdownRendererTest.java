package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final Problems problems = new Problems();
    private final MarkdownRenderer renderer = new MarkdownRenderer(new References(BuiltIssue.FIXTURE),
            Labels.load(Assets.directory(BuiltIssue.REPO.resolve("templates")), "ru", problems), null);
    private final Path file = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");

    private String render(String markdown) {
        return renderer.render(markdown, file, 10, "a1", "ru", problems);
    }

    @Test
    void tablesAreNumberedPerArticleAndReferencesBecomeLinks() {
        String md = "См. @tbl:b и @tbl:a.\n\nTable: Первая {#tbl:a}\n\n| A | B |\n|---|--:|\n| x | 1 |\n\n"
                + "| C | D |\n|---|---|\n| y | z |\n\nTable: Вторая {#tbl:b}\n";
        String html = render(md);
        assertTrue(html.contains("<span class=\"table-figure__label\">Таблица 1.</span> Первая"), html);
        assertTrue(html.contains("<span class=\"table-figure__label\">Таблица 2.</span> Вторая"), html);
        assertTrue(html.contains("<a class=\"xref\" href=\"#a1--tbl-b\">табл.\u00a02</a>"), html);
        assertTrue(html.contains("<a class=\"xref\" href=\"#a1--tbl-a\">табл.\u00a01</a>"), html);
        assertTrue(problems.isEmpty(), problems.all().toString());
        String again = renderer.render("Table: Другая {#tbl:c}\n\n| A |\n|---|\n| x |\n", file, 1, "a2", "ru", problems);
        assertTrue(again.contains("Таблица 1."), "numbering starts again in the next article");
    }

    @Test
    void aSourceParagraphAfterATableBecomesItsSourceLine() {
        String html = render("Table: Регионы {#tbl:r}\n\n| A | B |\n|---|--:|\n| x | 1 |\n\n"
                + "*Источник: расчёты [обсерватории](https://example.org).*\n\nДальше текст.\n");
        assertTrue(html.contains("data-continued=\"Окончание табл. 1\" data-continuing=\"Продолжение табл. 1\""),
                "what the pages a long table runs on to say: " + html);
        assertTrue(html.matches("(?s).*<div class=\"table-figure\"[^>]* id=\"a1--tbl-r\">.*</table>"
                + "<p class=\"figure__source table-figure__source\">Источник: расчёты <a href=\"https://example.org\">обсерватории</a>\\.</p></div>.*"), html);
        assertFalse(html.contains("<em>Источник"), "the italics that only marked the line are gone: " + html);
        String plain = render("| A |\n|---|\n| x |\n\nSource: own data.\n");
        assertTrue(plain.contains("</table><p class=\"figure__source table-figure__source\">Источник: own data.</p></div>"), plain);
        String notSource = render("| A |\n|---|\n| x |\n\nИсточники роста разные.\n");
        assertFalse(notSource.contains("figure__source"), "only «Источник:» with a colon starts a source line: " + notSource);
    }

    @Test
    void labelsFollowTheLanguageOfTheText() {
        Assets templates = Assets.directory(BuiltIssue.REPO.resolve("templates"));
        MarkdownRenderer perLanguage = new MarkdownRenderer(new References(BuiltIssue.FIXTURE),
                language -> Labels.load(templates, language, problems), null);
        String md = "::: {.quote speaker=\"A\"}\nТекст.\n:::\n\n![x](../images/scheme.svg \"Схема\")\n\n"
                + "Table: T\n\n| A |\n|---|\n| x |\n\nSource: own.\n";
        String ru = perLanguage.render(md, file, 1, "r", "ru", problems);
        String en = perLanguage.render(md, file, 1, "e", "en", problems);
        assertTrue(ru.contains("Прямая речь") && ru.contains("Рис. 1.") && ru.contains("Таблица 1.")
                && ru.contains("Источник: own."), ru);
        assertTrue(en.contains("In their words") && en.contains("Figure 1.") && en.contains("Table 1.")
                && en.contains("Source: own."), en);
        assertFalse(en.contains("Рис.") || en.contains("Прямая речь") || en.contains("Источник"), en);
    }

    @Test
    void unknownReferenceIsAnErrorOnItsLine() {
        render("Первая строка.\n\nВторая ссылается на @fig:nothing.\n");
        assertEquals(1, problems.errorCount());
        assertEquals(12, problems.all().get(0).line());
        assertTrue(problems.all().get(0).message().contains("'@fig:nothing' refers to no figure"));
    }

    @Test
    void scriptsAndEventHandlersNeverPassButTablesWithSpansDo() {
        String html = render("<script>alert(1)</script>\n\n<table><tr><td rowspan=\"2\" onclick=\"x()\">a</td><td>b</td></tr>"
                + "<tr><td colspan=\"1\">c</td></tr></table>\n");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onclick"), html);
        assertTrue(html.contains("&lt;script&gt;"), "refused markup is shown as text: " + html);
        assertTrue(html.contains("<td rowspan=\"2\">a</td>"), html);
        assertTrue(problems.all().stream().anyMatch(p -> p.message().contains("<script>")), problems.all().toString());
    }

    @Test
    void footnotesMoveToWhereTheyAreCalled() {
        String html = SourceLines.strip(render("Текст[^1] дальше.\n\n[^1]: Примечание *важное*.\n"));
        assertTrue(html.contains("Текст<span class=\"footnote\">Примечание <em>важное</em>.</span> дальше."), html);
        assertFalse(html.contains("footnotes"), html);
    }

    @Test
    void boxesCarryTheirLabelsAndPeople() {
        // the source marks (SourceLinesTest) left out: this is about the markup a reader sees
        String html = SourceLines.strip(render("::: {.quote speaker=\"Иван Петров\" role=\"директор\"}\nСлова.\n:::\n\n"
                + "::: {.comment name=\"Мария\" role=\"эксперт\"}\nМнение.\n:::\n\n::: {.note}\nФакт.\n:::\n"));
        assertTrue(html.contains("<div class=\"box box--quote\" data-continued=\"Прямая речь (окончание)\">"
                + "<p class=\"box__label\">Прямая речь</p>"), html);
        assertTrue(html.contains("<span class=\"box__name\">Иван Петров</span>"), html);
        assertTrue(html.contains("<p class=\"box__label\">Комментирует</p>"), html);
        assertTrue(html.contains("<p class=\"box__label\">Справочно</p>"), html);
        // what a long box repeats at the top of the page it goes on to
        assertTrue(html.contains("data-continued=\"Справочно (окончание)\""), html);
    }

    @Test
    void anUnclosedBoxIsAnErrorAtItsOpeningLine() {
        render("Текст.\n\n::: {.note}\nБез конца.\n");
        assertEquals(12, problems.all().get(0).line());
        assertTrue(problems.all().get(0).message().contains("never closed"));
    }
}

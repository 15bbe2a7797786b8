package org.digestpress.typography;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

import static org.digestpress.typography.Marks.decode;
import static org.digestpress.typography.Marks.encode;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Soft hyphens in prose and XHTML fragments; which elements get rules, hyphens, or neither. */
class TypographerProseAndFragmentTest {
    private static final Typographer RU = Typographer.forLanguage("ru");
    private static final Typographer EN = Typographer.forLanguage("en");

    @ParameterizedTest(name = "[{index}] {1}  →  {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ru | Правительство рассмотрело программу             | Пра¦ви¦тель¦ство рас¦смот¦ре¦ло про¦грам¦му
            ru | "Экономика" - это наука                           | «Эко¦но¦ми¦ка»⍽— это на¦у¦ка
            ru | Доклад ЮНЕСКО и НАТО о правительстве             | До¦клад ЮНЕСКО и⍽НАТО о⍽пра¦ви¦тель¦стве
            ru | сайт https://government.ru/programma            | сайт https://government.ru/programma
            ru | почта information@government.ru                  | поч¦та information@government.ru
            ru | модель Ту154 и 12345678 штук                      | мо¦дель Ту154 и⍽12˽345˽678 штук
            ru | северо-западный                                   | се¦ве¦ро-за¦пад¦ный
            ru | урок ёжик                                         | урок ёжик
            en | The government information                        | The gov¦ern¦ment in¦for¦ma¦tion
            en | UNESCO and NATO                                   | UNESCO and NATO
            """)
    void proseGetsRulesAndSoftHyphens(String language, String input, String expected) {
        Typographer typographer = Typographer.forLanguage(language);
        String once = typographer.prose(decode(input));
        assertEquals(expected, encode(once));
        assertEquals(expected, encode(typographer.prose(once)), "second pass must change nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void textNeverAddsSoftHyphens(String language) {
        String long_ = "Правительство Российской Федерации рассмотрело государственную программу "
                + "The government considered the information technology programme";
        Typographer typographer = Typographer.forLanguage(language);
        assertTrue(typographer.prose(long_).indexOf('\u00AD') >= 0, "prose must hyphenate this, or the next check proves nothing");
        assertFalse(typographer.text(long_).indexOf('\u00AD') >= 0, typographer.text(long_));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # quote state carries across inline elements; link text gets rules but no hyphens; href is untouched
            <p>"<em>Начало</em> цитаты" в <a href="http://x.ru/a-b">Москве</a></p> \
              | <p>«<em>На¦ча¦ло</em> ци¦та¦ты» в⍽<a href="http://x.ru/a-b">Москве</a></p>
            <p>"Текст <strong>"внутри"</strong>"</p> | <p>«Текст <strong>„внут¦ри“</strong>»</p>
            # code, kbd, samp, pre: no rules and no hyphens inside; the rules outside still see them as a word
            <p>Пример: <code>a -- b "x" правительство</code> - готово</p> \
              | <p>При¦мер: <code>a -- b "x" правительство</code>⍽— го¦то¦во</p>
            <pre>"x" - y... правительство</pre> | <pre>"x" - y... правительство</pre>
            <p>Нажмите <kbd>Ctrl--C</kbd> или <samp>"ошибка"</samp></p> \
              | <p>На¦жми¦те <kbd>Ctrl--C</kbd> или <samp>"ошибка"</samp></p>
            # attributes are never typeset and stay escaped
            <p class="lead" id="p1" title="a - b &quot;x&quot; &amp; c">"Да"</p> \
              | <p class="lead" id="p1" title="a - b &quot;x&quot; &amp; c">«Да»</p>
            # headings, captions, figure captions: rules, no hyphens; table cells th and td: hyphens
            <h2>Правительство "России"</h2> | <h2>Правительство «России»</h2>
            <table><caption>Экономика</caption><tr><th>Правительство</th><td>экономика</td></tr></table> \
              | <table><caption>Экономика</caption><tr><th>Пра¦ви¦тель¦ство</th><td>эко¦но¦ми¦ка</td></tr></table>
            <figure><object data="c1" type="chart"/><figcaption>Экономика регионов</figcaption></figure> \
              | <figure><object data="c1" type="chart"/><figcaption>Экономика регионов</figcaption></figure>
            <p class="note nohyphens">правительство</p><p>правительство <span class="nohyphens">экономика</span></p> \
              | <p class="note nohyphens">правительство</p><p>пра¦ви¦тель¦ство <span class="nohyphens">экономика</span></p>
            <p><a href="#x">правительство</a> правительство</p> | <p><a href="#x">правительство</a> пра¦ви¦тель¦ство</p>
            # lang switches rules and hyphenation for the subtree
            <p>Он сказал <span lang="en">"hello" - government</span> и ушёл</p><p lang="en-GB">The "government"</p> \
              | <p>Он ска¦зал <span lang="en">“hel¦lo”—gov¦ern¦ment</span> и⍽ушёл</p><p lang="en-GB">The “gov¦ern¦ment”</p>
            <p lang="de">"Regierung" - ja</p> | <p lang="de">"Regierung" - ja</p>
            # objects, entities, sup, br, comments, addresses, nested blocks, top-level text
            <p>График: <object data="c1" type="application/x-chart"/> - см. выше</p> \
              | <p>Гра¦фик: <object data="c1" type="application/x-chart"/>⍽— см. выше</p>
            <p>AT&amp;T &lt;tag&gt; и&#160;так</p> | <p>AT&amp;T &lt;tag&gt; и⍽так</p>
            <p>Рост 12<sup>1</sup>.</p><p>в<br/>Москве</p> | <p>Рост 12<sup>1</sup>.</p><p>в<br/>Москве</p>
            <p>Текст <!-- комментарий - "x" --> тут</p> | <p>Текст <!-- комментарий - "x" --> тут</p>
            <p>Сайт government.ru/programma/konkurentosposobnost и почта info@pravitelstvo.ru</p> \
              | <p>Сайт government.ru/programma/konkurentosposobnost и⍽поч¦та info@pravitelstvo.ru</p>
            <ul><li>Первый "пункт"<ul><li>вложенный</li></ul> хвост - конец</li></ul> \
              | <ul><li>Пер¦вый «пункт»<ul><li>вло¦жен¦ный</li></ul> хвост⍽— ко¦нец</li></ul>
            Просто текст - без элементов | Про¦сто текст⍽— без эле¦мен¦тов
            """)
    void fragment(String input, String expected) {
        String once = RU.fragment(decode(input));
        assertEquals(expected, encode(once));
        assertEquals(expected, encode(RU.fragment(once)), "second pass must change nothing");
        assertDoesNotThrow(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader("<r>" + once + "</r>"))), "output must be well-formed");
    }

    @Test
    void keepsWhiteSpaceBetweenTopLevelElements() {
        String in = "<h1>Заголовок</h1>\n\n<p>Текст</p>\n";
        assertEquals(in, RU.fragment(in));
    }

    @Test
    void keepsCharactersAsTheyAreAndEscapesOnlyMarkup() {
        String out = EN.fragment("<p>&#8220;&#x41;&#160;&lt;b&gt; &amp; ё</p>");
        assertEquals("<p>“A\u00A0&lt;b&gt; &amp; ё</p>", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>unclosed", "<p>a</q>", "<p>&nbsp;</p>", "<!DOCTYPE html><p>x</p>"})
    void rejectsWhatIsNotWellFormedXhtml(String input) {
        assertThrows(IllegalArgumentException.class, () -> RU.fragment(input));
    }

    @Test
    void unknownLanguageLeavesTheFragmentAsItIs() {
        String in = "<p class=\"x\">\"Привет\" - в Москве... правительство</p>";
        assertEquals(in, Typographer.forLanguage("xx").fragment(in));
    }
}

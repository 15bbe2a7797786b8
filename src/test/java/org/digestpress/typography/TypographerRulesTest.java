package org.digestpress.typography;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.digestpress.typography.Marks.decode;
import static org.digestpress.typography.Marks.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The typographic rules, one table per language: input | expected. Expected values are written
 * with visible stand-ins (see {@link Marks}). Every case is also run a second time on its own
 * output, which must not change: the rules are idempotent, and already typeset text is a case
 * where no rule may fire.
 */
class TypographerRulesTest {

    private static void check(String language, String input, String expected) {
        Typographer typographer = Typographer.forLanguage(language);
        String once = typographer.text(decode(input));
        assertEquals(expected, encode(once), "first pass");
        assertEquals(expected, encode(typographer.text(once)), "second pass must change nothing");
    }

    @ParameterizedTest(name = "[{index}] {0}  →  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # quotes: ёлочки outside, лапки inside, state from the character before
            "Привет"                                  | «Привет»
            Он сказал: "Привет, "друг"!"              | Он сказал: «Привет, „друг“!»
            "Газета "Ведомости""                      | «Газета „Ведомости“»
            ("Известия")                              | («Известия»)
            «Газета "Ведомости"»                      | «Газета „Ведомости“»
            «Газета „Ведомости“»                      | «Газета „Ведомости“»
            Д'Артаньян                                | Д’Артаньян
            # dashes: no-break space before, normal space after
            Это - тест                                | Это⍽— тест
            Это -- тест                               | Это⍽— тест
            Это--тест                                 | Это⍽— тест
            Это — тест                                | Это⍽— тест
            Это – тест                                | Это⍽— тест
            Москва, - сказал он                       | Москва,⍽— сказал он
            # hyphens and minus signs are not dashes
            северо-западный                           | северо-западный
            -5 градусов                               | -5 градусов
            кто-то                                    | кто-то
            # one- and two-letter words hold to the next word, case-insensitive, at sentence start too
            В Москве и в Петербурге                   | В⍽Москве и⍽в⍽Петербурге
            К нам с ним у нас о нём                   | К⍽нам с⍽ним у⍽нас о⍽нём
            А я знаю                                  | А⍽я⍽знаю
            На рынке по ценам за год от нуля до ста   | На⍽рынке по⍽ценам за⍽год от⍽нуля до⍽ста
            Из них не было ни одной                   | Из⍽них не⍽было ни⍽одной
            Об этом во время со мной ко мне           | Об⍽этом во⍽время со⍽мной ко⍽мне
            НЕ ЗНАЮ                                   | НЕ⍽ЗНАЮ
            # particles hold to the word before
            Пришёл ли он? Он же знал                  | Пришёл⍽ли он? Он⍽же знал
            Было бы хорошо, знал ль                   | Было⍽бы хорошо, знал⍽ль
            Если б знать, вот ж                       | Если⍽б знать, вот⍽ж
            купил билет и жилет                       | купил билет и⍽жилет
            # numbers and units or abbreviations
            10 млрд                                   | 10⍽млрд
            5 тыс.                                    | 5⍽тыс.
            2025 г.                                   | 2025⍽г.
            300 000 кв. м                             | 300˽000⍽кв.⍽м
            53,6 %                                    | 53,6˽%
            53,6%                                     | 53,6˽%
            на 3% и 5 ‰                               | на⍽3˽% и⍽5˽‰
            53,6˽%                                    | 53,6˽%
            от 3 до 30%                               | от⍽3 до⍽30˽%
            150 млн руб.                              | 150⍽млн⍽руб.
            12 %                                      | 12˽%
            100 $                                     | 100⍽$
            10 гвоздей                                | 10 гвоздей
            # № and §
            № 5                                       | №⍽5
            №5                                        | №⍽5
            § 3                                       | §⍽3
            # initials and abbreviations
            В. В. Путин                               | В.⍽В.⍽Путин
            В.В. Путин                                | В.В.⍽Путин
            А. С. Пушкин родился                      | А.⍽С.⍽Пушкин родился
            т. е.                                     | т.⍽е.
            т.е.                                      | т.⍽е.
            и т. д.                                   | и⍽т.⍽д.
            и т. п.                                   | и⍽т.⍽п.
            т. к.                                     | т.⍽к.
            с. 12, рис. 3                             | с.⍽12, рис.⍽3
            # digit groups: 5+ digits get U+202F, 4-digit numbers stay
            60493                                     | 60˽493
            60 493                                    | 60˽493
            60⍽493                                    | 60˽493
            1234567                                   | 1˽234˽567
            60493,5                                   | 60˽493,5
            2025                                      | 2025
            5199                                      | 5199
            5 199                                     | 5 199
            0,12345                                   | 0,12345
            +79161234567                              | +79161234567
            № 12345                                   | №⍽12345
            # numeric ranges
            2019-2024                                 | 2019–2024
            5-7 лет                                   | 5–7⍽лет
            2019 - 2024                               | 2019–2024
            1,5-2 раза                                | 1,5–2⍽раза
            2025-01-15                                | 2025-01-15
            8-800-555-35-35                           | 8-800-555-35-35
            ГОСТ 7.0.97-2016                          | ГОСТ 7.0.97-2016
            COVID-19                                  | COVID-19
            # identifiers: no rule fires on postal codes, extensions, tax numbers, models, code
            101000, Москва, Мясницкая ул., 11         | 101000, Москва, Мясницкая ул., 11
            индекс 101000                             | индекс 101000
            в 2024 г. выручка 101000, Москва отстаёт  | в⍽2024⍽г. выручка 101000, Москва отстаёт
            выручка 101000 руб.                       | выручка 101˽000⍽руб.
            +7 (495) 772-95-90*12053                  | +7 (495) 772-95-90*12053
            тел. 772-95-90, доб. 12053                | тел. 772-95-90, доб. 12053
            ИНН 7714030726                            | ИНН 7714030726
            ИНН: 7714030726, ОГРН 1027739630401       | ИНН: 7714030726, ОГРН 1027739630401
            ИНН/КПП 7714030726/771401001              | ИНН/КПП 7714030726/771401001
            самолёты Boeing 737-800 и Ту-204-300      | самолёты Boeing 737-800 и⍽Ту-204-300
            модель 737-800                            | модель 737-800
            арт. 12-345                               | арт. 12-345
            ГОСТ Р 52872-2019                         | ГОСТ Р 52872-2019
            100-200 человек                           | 100–200⍽человек
            ключ:"значение"                           | ключ:"значение"
            id="x" и "текст"                          | id="x" и⍽«текст»
            Он сказал: "Привет"                       | Он сказал: «Привет»
            # ellipsis
            Ну...                                     | Ну…
            Ну....                                    | Ну....
            # addresses are left alone, but the words around them are not
            см. https://example.com/a-b--c...        | см. https://example.com/a-b--c…
            https://x.ru/?q=a&n=60493                 | https://x.ru/?q=a&n=60493
            пишите на ivanov-petrov@mail.ru           | пишите на⍽ivanov-petrov@mail.ru
            www.example.ru/10000-20000                | www.example.ru/10000-20000
            сайт gov.ru/a--b                          | сайт gov.ru/a--b
            """)
    void russian(String input, String expected) {
        check("ru", input, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}  →  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            He said "hello"                           | He said “hello”
            "It's 'great'"                            | “It’s ‘great’”
            don't                                     | don’t
            the '90s                                  | the ’90s
            “Already” ‘typeset’                       | “Already” ‘typeset’
            # closed em dash, no spaces
            stop - go                                 | stop—go
            wait--what                                | wait—what
            wait -- what                              | wait—what
            well-known                                | well-known
            e-mail                                    | e-mail
            Wait...                                   | Wait…
            # references and one-letter words
            see p. 12                                 | see p.⍽12
            No. 5                                     | No.⍽5
            Fig. 3 and Table 4                        | Fig.⍽3 and Table⍽4
            I think a cat                             | I⍽think a⍽cat
            A cat                                     | A⍽cat
            J. R. R. Tolkien                          | J.⍽R.⍽R.⍽Tolkien
            5 km                                      | 5⍽km
            2019-2024                                 | 2019–2024
            pages 10-20                               | pages⍽10–20
            # issue 17: ranges, titles and units
            in 2030-2032.                             | in 2030–2032.
            2030 - 2032                               | 2030–2032
            from 2030-32                              | from 2030–32
            the 2030-2032 programme                   | the 2030–2032 programme
            (2030-2032)                               | (2030–2032)
            in 2030-2032, it grew                     | in 2030–2032, it grew
            “2030-2032”                               | “2030–2032”
            Plan 2030-2032                            | Plan 2030–2032
            pages 10 - 20                             | pages⍽10–20
            PMEF-2025                                 | PMEF-2025
            5-10% growth                              | 5–10% growth
            Mr. Smith and Dr. Jones                   | Mr.⍽Smith and Dr.⍽Jones
            Mrs. Lee met Prof. Brown in St. Petersburg | Mrs.⍽Lee met Prof.⍽Brown in St.⍽Petersburg
            300,000 sq. m                             | 300,000⍽sq.⍽m
            40 sq. ft of offices                      | 40⍽sq.⍽ft of offices
            12 cu. m                                  | 12⍽cu.⍽m
            the mr. and the dr. said                  | the mr. and the dr. said
            # identifiers stay as written
            a Boeing 737-800                          | a⍽Boeing 737-800
            Model 320-200                             | Model 320-200
            key:"value" and "text"                    | key:"value" and “text”
            ext. 12053                                | ext. 12053
            # English groups digits with commas, as written
            60493                                     | 60493
            1,234,567                                 | 1,234,567
            2025-01-15                                | 2025-01-15
            https://x.org/a--b                        | https://x.org/a--b
            mail john.doe@example.com                 | mail john.doe@example.com
            """)
    void english(String input, String expected) {
        check("en", input, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            de      | Er sagte "Hallo" - ja... 60493 в Москве
            fr-FR   | Il a dit "bonjour" - oui
            ~~      | "Привет" - в Москве
            zz      | "hello" -- a cat
            """)
    void unknownLanguageChangesNothing(String language, String input) {
        assertEquals(input, Typographer.forLanguage(language).text(input));
        assertEquals(input, Typographer.forLanguage(language).prose(input));
    }
}

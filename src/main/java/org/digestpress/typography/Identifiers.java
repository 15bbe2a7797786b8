package org.digestpress.typography;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers and strings that are identifiers rather than prose and freezes them, so no rule
 * groups their digits, turns their hyphen into a range dash or their straight quotes into
 * guillemets: postal codes (101000, Москва), telephone extensions (*12053, доб. 12053), tax and
 * registration numbers (ИНН, ОГРН, КПП, БИК…), model and article numbers (Boeing 737-800, арт.
 * 12-345, ГОСТ Р 52872-2019) and code-like text ({@code ключ:"значение"}, {@code id="x"}).
 *
 * <p>Each of these is recognised by what stands before or after it, never by its digits alone:
 * «100-200 человек» is a range and «выручка 123456 руб.» a number, but after «Boeing» or «ИНН»
 * the same digits are a name.
 */
final class Identifiers {
    private static final String SP = "[ \\u00A0]";
    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}\\u00AD])";

    private static final List<Pattern> PATTERNS = List.of(
            // A Russian postal code opens an address: six digits, a comma and a capitalised place name.
            Pattern.compile(NOT_AFTER_WORD + "\\d{6}(?=," + SP + "*\\p{Lu})"),
            // ... or follows the word «индекс».
            Pattern.compile("(?<=(?iu:индекс):?" + SP + "{0,2})\\d{6}"),
            // Telephone extensions: +7 (495) 772-95-90*12053, доб. 12053, ext. 12053.
            Pattern.compile("\\*\\d+"),
            Pattern.compile("(?iu)(?<![\\p{L}])(?:доб|ext)\\.?" + SP + "*\\d+"),
            // A telephone number with an area code in brackets, as a whole.
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\+\\d{1,3}|8)" + SP + "?\\(\\d{3,5}\\)" + SP + "?\\d[\\d\\-]{3,}\\d"),
            // Tax, registration and bank numbers, and the number after them (ИНН/КПП 7701234567/770101001).
            Pattern.compile(NOT_AFTER_WORD + "(?:ИНН|ОГРН|ОГРНИП|КПП|ОКПО|ОКАТО|ОКТМО|ОКВЭД|БИК|СНИЛС|ЕГРЮЛ|р/с|к/с|л/с)"
                    + "(?:/(?:КПП|ОГРН))?[:№]?" + SP + "*(?:№" + SP + "*)?\\d[\\d./\\-]*\\d"),
            // Model, article and standard numbers after the word that names them. The last group is
            // possessive (nothing follows it): a repeated group recurses per repetition otherwise.
            Pattern.compile(NOT_AFTER_WORD + "(?:Boeing|Airbus|Embraer|Bombardier|Cessna|Superjet|SSJ|ATR|Ту|Ил|Ан|Як|МС"
                    + "|(?iu:модел[ьияюей]\\p{L}*|модификаци\\p{L}*|артикул\\p{L}*|арт\\.|model|art\\.|item|SKU)"
                    + "|ГОСТ(?:" + SP + "Р)?|ОСТ|ТУ|СП|СНиП|СанПиН|ISO|IEC|DIN|EN)"
                    + "(?:-|" + SP + "+)[\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}]*(?:[-./:][\\p{L}\\p{N}]+)++"),
            // Code-like text: a key, = or : and a quoted value, with no space between (ключ:"значение").
            Pattern.compile("(?<=[\\p{L}\\p{N}_\\])][=:])(?:\"[^\"\\n]*\"|'[^'\\n]*')"));

    private Identifiers() {
    }

    static void freeze(TextRun run) {
        String text = run.text();
        if (!mayHoldIdentifier(text)) {
            return;
        }
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                run.freeze(m.start(), m.end());
            }
        }
    }

    /**
     * False only where no pattern can match: each needs a digit, or a quote after «=» or «:».
     * Prose without either is most runs, and eight expressions tried at every position of each
     * cost a quarter of the typography's time.
     */
    static boolean mayHoldIdentifier(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '"' || c == '\'') {
                return true;
            }
        }
        return false;
    }
}

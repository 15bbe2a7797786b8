package org.digestpress.typography;

import java.util.List;
import java.util.regex.Pattern;

import static org.digestpress.typography.Rules.NBSP;
import static org.digestpress.typography.Rules.SPACE;
import static org.digestpress.typography.Rules.THIN_NBSP;
import static org.digestpress.typography.Rules.WORDISH;

/**
 * Russian typesetting conventions (as in Мильчин, «Справочник издателя и автора»): «ёлочки» with
 * „лапками“ inside, a spaced em dash that never starts a line, short words held to the next one,
 * numbers held to their units, thin spaces between digit groups and before the per cent sign.
 */
final class RussianRules {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A hyphen or dash with white space around it, or a double hyphen, between words: the dash of a sentence. */
    private static final Pattern SPACED_DASH = Pattern.compile(
            "(?<=\\S)" + SPACE + "+(?:-{1,3}|–|—)" + SPACE + "+(?=\\S)");
    private static final Pattern DOUBLE_HYPHEN = Pattern.compile(
            "(?<=[\\p{L}\\p{N}\\u00AD.,!?»“)\\uFFFC])-{2,3}(?=[\\p{L}\\p{N}«„(\\uFFFC])");

    /**
     * An integer of five or more digits, written solid or already grouped by spaces. Not after a
     * sign, a number sign or a dot or comma (a fraction, a version, a phone number, a document
     * number) and not when it runs on into letters or more digits (a code).
     */
    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD.,+#№\\-/:_])(?<!№[ \\u00A0])(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d{5,})"
                    + "(?![\\p{L}\\p{N}\\u00AD_]|[ \\u00A0\\u202F]\\d|[:/\\-]\\d)");

    private static final String UNITS = "тыс|млн|млрд|трлн|руб|коп|долл|евро|г|гг|лет|год|года|годов|км|м|см|мм|кв|куб"
            + "|кг|т|ц|га|л|мл|ч|мин|сек|с|шт|чел|ед|п\\.\\s?п|тысяч[аи]?|миллион(?:а|ов)?|миллиард(?:а|ов)?"
            + "|рубл(?:ь|я|ей)|доллар(?:а|ов)?|процент(?:а|ов)?|человек(?:а)?|раз(?:а)?";
    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "(?<=\\d)" + SPACE + "+(?=(?:" + UNITS + ")(?![\\p{L}\\p{N}])|[%‰°₽$€£¥])");
    /** 150 млн руб., 5 тыс. человек: the multiplier holds the unit after it too. */
    private static final Pattern MULTIPLIER_UNIT = Pattern.compile(
            "(?<=(?<![\\p{L}])(?:тыс|млн|млрд|трлн)\\.?)" + SPACE + "+"
                    + "(?=(?:руб|долл|евро|т|км|чел|человек|рублей|долларов|тонн|кв|га)(?![\\p{L}\\p{N}])|[₽$€£¥])");
    /** 300 000 кв. м. */
    private static final Pattern SQUARE_UNIT = Pattern.compile(
            "(?<=(?<![\\p{L}])(?:кв|куб)\\.)" + SPACE + "+(?=(?:м|км|см|мм|дм)(?![\\p{L}\\p{N}]))");
    /**
     * 53,6 %: a thin no-break space between a number and the per cent or per mille sign, typed
     * solid or spaced; the charts' labels write shares the same way (chart/labels_ru.properties).
     */
    private static final Pattern PERCENT = Pattern.compile("(\\d)[ \\t\\r\\n\\u00A0]*(?=[%‰])");
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?<=[№§])" + SPACE + "*(?=[\\p{N}\\p{L}])");
    /** Abbreviations that stand before a number: с. 12, рис. 3, ст. 5, п. 2, гл. 4, табл. 1, д. 7. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])((?:с|стр|гл|ст|п|пп|рис|табл|ч|т|д|корп|кв|оф|вып|разд|прил|см)\\.)" + SPACE + "+(?=\\d)", CI);
    /** т. е., т. к., т. д., т. п., т. н., т. ч., н. э.: "т.е." gets its space back, a no-break one. */
    private static final Pattern TWO_LETTER_ABBREVIATION = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])(т\\.|н\\.)" + SPACE + "*(?=(?:[екдпнч]|э)\\.)", CI);
    /** Prepositions, conjunctions and particles of one or two letters hold to the next word. */
    private static final Pattern SHORT_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD'’\\-.])(в|к|с|у|о|и|а|я|на|по|за|от|до|из|не|ни|об|во|со|ко)"
                    + SPACE + "+(?=[^\\s\\u00A0\\u202F—–\\-])", CI);
    /** Particles that hold to the word before them. */
    private static final Pattern PARTICLE = Pattern.compile(
            "(?<=" + WORDISH + ")" + SPACE + "+(?=(?:ли|ль|же|ж|бы|б)(?![\\p{L}\\p{N}\\u00AD]))");

    static final Rules RULES = new Rules(List.of(
            Rules::ellipsis,
            Rules::numberRanges,
            run -> run.replaceAll(SPACED_DASH, m -> NBSP + "— "),
            run -> run.replaceAll(DOUBLE_HYPHEN, m -> NBSP + "— "),
            Quotes.RUSSIAN::apply,
            RussianRules::groupDigits,
            Rules.noBreak(NUMBER_UNIT),
            Rules.noBreak(MULTIPLIER_UNIT),
            Rules.noBreak(SQUARE_UNIT),
            run -> run.replaceAll(PERCENT, m -> m.group(1) + THIN_NBSP),
            run -> run.replaceAll(NUMBER_SIGN, m -> NBSP),
            Rules.noBreakAfterGroup(REFERENCE),
            Rules.noBreakAfterGroup(TWO_LETTER_ABBREVIATION),
            Rules::initials,
            Rules.noBreakAfterGroup(SHORT_WORD),
            Rules.noBreak(PARTICLE)));

    private RussianRules() {
    }

    /** 60493 and 60 493 → 60 493 with U+202F; four-digit numbers (years, 5199) stay solid. */
    private static void groupDigits(TextRun run) {
        run.replaceAll(DIGITS, m -> {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (digits.length() < 5) {
                return null;
            }
            StringBuilder grouped = new StringBuilder();
            int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            grouped.append(digits, 0, head);
            for (int i = head; i < digits.length(); i += 3) {
                grouped.append(THIN_NBSP).append(digits, i, i + 3);
            }
            return grouped.toString();
        });
    }
}

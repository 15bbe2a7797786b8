package org.digestpress.typography;

import java.util.List;
import java.util.regex.Pattern;

import static org.digestpress.typography.Rules.NBSP;
import static org.digestpress.typography.Rules.SPACE;

/**
 * English conventions (Chicago style): “curly quotes”, apostrophes ’, a closed em dash—no spaces
 * around it—for ` - ` and `--`, an en dash in number ranges (2030–2032), no-break spaces in
 * references (p. 12, No. 5, Fig. 3), after a title before a name (Mr. Smith, Dr. Jones), inside
 * a unit (300,000 sq. m) and after the one-letter words "a" and "I". Digits are not regrouped:
 * English groups with commas, as written.
 */
final class EnglishRules {
    private static final Pattern SPACED_DASH = Pattern.compile(
            "(?<=\\S)" + SPACE + "+(?:-{1,3})" + SPACE + "+(?=\\S)");
    private static final Pattern DOUBLE_HYPHEN = Pattern.compile(
            "(?<=[\\p{L}\\p{N}\\u00AD.,!?”’)\\uFFFC])-{2,3}(?=[\\p{L}\\p{N}“‘\"'(\\uFFFC])");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])((?:p|pp|No|no|Nos|nos|Fig|fig|Figs|figs|Vol|vol|Ch|ch|Chap|Sec|sec|Art|art|Eq|eq|Ref|ref|Para|para)\\.)"
                    + SPACE + "+(?=\\d)");
    private static final Pattern REFERENCE_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])(Table|Figure|Chapter|Section|Article|Appendix|page|pages|Page|Pages)"
                    + SPACE + "+(?=\\d)");
    private static final Pattern ONE_LETTER_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD'’\\-.])(a|A|I)" + SPACE + "+(?=[\\p{L}\\p{N}“‘(\\uFFFC])");
    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "(?<=\\d)" + SPACE + "+(?=(?:km|kg|cm|mm|m|g|t|h|min|s|mph|kWh|MW|GW|million|billion|trillion|bn|mn|percent"
                    + "|ft|mi|yd|lb|oz|ha|sq|cu)(?![\\p{L}\\p{N}])|[%‰°])");
    /** 300,000 sq. m, 40 cu. ft: the unit's two parts stay together. */
    private static final Pattern SQUARE_UNIT = Pattern.compile(
            "(?<=(?<![\\p{L}])(?:sq|cu)\\.)" + SPACE + "+(?=(?:m|km|cm|mm|ft|mi|yd|in)(?![\\p{L}\\p{N}]))");
    /** A title holds to the name after it: Mr. Smith, Dr. Jones, St. Petersburg. */
    private static final Pattern TITLE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])((?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Messrs|Gen|Col|Capt|Lt|Rev|Sen|Rep|Gov)\\.)" + SPACE
                    + "+(?=\\p{Lu})");
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?<=[№§])" + SPACE + "*(?=[\\p{N}\\p{L}])");

    static final Rules RULES = new Rules(List.of(
            Rules::ellipsis,
            Rules::numberRanges,
            run -> run.replaceAll(SPACED_DASH, m -> "—"),
            run -> run.replaceAll(DOUBLE_HYPHEN, m -> "—"),
            Quotes.ENGLISH::apply,
            Rules.noBreak(NUMBER_UNIT),
            Rules.noBreak(SQUARE_UNIT),
            run -> run.replaceAll(NUMBER_SIGN, m -> NBSP),
            Rules.noBreakAfterGroup(TITLE),
            Rules.noBreakAfterGroup(REFERENCE),
            Rules.noBreakAfterGroup(REFERENCE_WORD),
            Rules::initials,
            Rules.noBreakAfterGroup(ONE_LETTER_WORD)));

    private EnglishRules() {
    }
}

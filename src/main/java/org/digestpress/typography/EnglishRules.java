package org.digestpress.typography;

import java.util.List;
import java.util.regex.Pattern;

import static org.digestpress.typography.Rules.NBSP;
import static org.digestpress.typography.Rules.SPACE;

/**
 * English conventions (Chicago style): “curly quotes”, apostrophes ’, a closed em dash—no spaces
 * around it—for ` - ` and `--`, no-break spaces in references (p. 12, No. 5, Fig. 3) and after the
 * one-letter words "a" and "I". Digits are not regrouped: English groups with commas, as written.
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
            "(?<=\\d)" + SPACE + "+(?=(?:km|kg|cm|mm|m|g|t|h|min|s|mph|kWh|MW|GW|million|billion|trillion|bn|mn|percent)"
                    + "(?![\\p{L}\\p{N}])|[%‰°])");
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?<=[№§])" + SPACE + "*(?=[\\p{N}\\p{L}])");

    static final Rules RULES = new Rules(List.of(
            Rules::ellipsis,
            Rules::numberRanges,
            run -> run.replaceAll(SPACED_DASH, m -> "—"),
            run -> run.replaceAll(DOUBLE_HYPHEN, m -> "—"),
            Quotes.ENGLISH::apply,
            Rules.noBreak(NUMBER_UNIT),
            run -> run.replaceAll(NUMBER_SIGN, m -> NBSP),
            Rules.noBreakAfterGroup(REFERENCE),
            Rules.noBreakAfterGroup(REFERENCE_WORD),
            Rules::initials,
            Rules.noBreakAfterGroup(ONE_LETTER_WORD)));

    private EnglishRules() {
    }
}

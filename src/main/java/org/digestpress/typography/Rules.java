package org.digestpress.typography;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The typographic rules of one language, applied in order to a run of text. Every rule rewrites
 * only what it must and recognises its own output, so a second pass changes nothing.
 */
final class Rules {
    /** White space that may be replaced: never the no-break spaces the rules themselves write. */
    static final String SPACE = "[ \\t\\r\\n]";
    /** What counts as part of a word, soft hyphens included (text may already be hyphenated). */
    static final String WORDISH = "[\\p{L}\\p{M}\\p{N}\\u00AD]";
    static final String NBSP = "\u00A0";
    /** U+202F NARROW NO-BREAK SPACE: the thin space that groups digits and cannot break. */
    static final String THIN_NBSP = "\u202F";

    private static final Pattern ELLIPSIS = Pattern.compile("(?<!\\.)\\.\\.\\.(?!\\.)");

    /**
     * A hyphen (or a spaced hyphen or en dash) between exactly two numbers is a range: en dash, no
     * spaces. Not when more numbers are chained with hyphens or dots around, which are dates
     * (2025-01-15), phone numbers (123-45-67) or identifiers (7.0.97-2016).
     */
    private static final Pattern NUMBER_RANGE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD.,\\-–/])(\\d+(?:[.,]\\d+)?)(?:-|" + SPACE + "+[-–]" + SPACE + "+)(\\d+(?:[.,]\\d+)?)"
                    + "(?![\\p{L}\\p{N}\\u00AD]|[-–.,/]\\d)");

    /** A capital initial and a full stop before another initial or a surname: В. В. Путин, J. R. R. Tolkien. */
    private static final Pattern INITIAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\u00AD])(\\p{Lu}\\.)" + SPACE + "+(?=\\p{Lu}\\.|\\p{Lu}[\\p{Ll}\\u00AD])");

    static final Rules NONE = new Rules(List.of());

    private final List<Consumer<TextRun>> steps;

    Rules(List<Consumer<TextRun>> steps) {
        this.steps = List.copyOf(steps);
    }

    static Rules forLanguage(String primaryLanguage) {
        return switch (primaryLanguage) {
            case "ru" -> RussianRules.RULES;
            case "en" -> EnglishRules.RULES;
            default -> NONE;
        };
    }

    void apply(TextRun run) {
        if (steps.isEmpty()) {
            return;
        }
        UrlsAndEmails.freeze(run);
        Identifiers.freeze(run);
        for (Consumer<TextRun> step : steps) {
            step.accept(run);
        }
    }

    static void ellipsis(TextRun run) {
        run.replaceAll(ELLIPSIS, m -> "…");
    }

    static void numberRanges(TextRun run) {
        run.replaceAll(NUMBER_RANGE, m -> m.group(1) + "–" + m.group(2));
    }

    static void initials(TextRun run) {
        run.replaceAll(INITIAL, m -> m.group(1) + NBSP);
    }

    /** A step that puts a no-break space in place of the white space a pattern matches as a whole. */
    static Consumer<TextRun> noBreak(Pattern whiteSpace) {
        return run -> run.replaceAll(whiteSpace, m -> NBSP);
    }

    /** A step that keeps group 1 of each match and puts a no-break space after it instead of what follows. */
    static Consumer<TextRun> noBreakAfterGroup(Pattern pattern) {
        return run -> run.replaceAll(pattern, m -> m.group(1) + NBSP);
    }
}

package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The loop that replaces flexmark's thematic break pattern says what the pattern says, without its recursion. */
class ThematicBreaksTest {

    /** flexmark 0.64.8's ThematicBreakParser.PATTERN, which recurses once per marker. */
    private static final Pattern FLEXMARK = Pattern.compile("^(?:(?:\\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$");

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars('*', '_', '-', ' ', '\t', 'x', '=').ofMaxLength(12);
    }

    @Property(tries = 2000)
    void sameAnswerAsFlexmarksPattern(@ForAll("lines") String line) {
        assertEquals(FLEXMARK.matcher(line).matches(), ThematicBreaks.isThematicBreak(line), "«" + line + "»");
    }

    @Test
    void aSeparatorOfAHundredThousandDashesIsOneWithoutRecursion() {
        assertTrue(ThematicBreaks.isThematicBreak("-".repeat(100_000)));
        assertTrue(ThematicBreaks.isThematicBreak("- ".repeat(100_000)));
    }
}

package org.digestpress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The month as the PDF's title and subject spell it, the same in both. */
class MonthInSentenceTest {

    @Test
    void russianMonthsAreLowerCaseInsideASentence() {
        assertEquals("июнь 2025", Pipeline.monthInSentence("Июнь 2025", "ru"));
    }

    @Test
    void englishMonthsKeepTheirCapital() {
        assertEquals("June 2025", Pipeline.monthInSentence("June 2025", "en"));
        assertEquals("June 2025", Pipeline.monthInSentence("June 2025", "en-GB"));
    }
}

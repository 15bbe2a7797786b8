package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;

import org.junit.jupiter.api.Test;

class ChartNumberFormatTest {

    private static final ChartLabels RU = ChartLabels.forLanguage("ru");
    private static final ChartLabels EN = ChartLabels.forLanguage("en");

    @Test
    void russianUsesDecimalCommaAndNarrowNoBreakSpaceFromTenThousand() {
        ChartNumberFormat f = ChartNumberFormat.numbers(RU, 0, 2);
        assertEquals("53,6", f.format(53.6));
        assertEquals("1234", f.format(1234), "four-digit numbers stay whole in Russian");
        assertEquals("12\u202F500", f.format(12500));
        assertEquals("1\u202F234\u202F567,89", f.format(1234567.891));
        assertEquals("\u22125", f.format(-5), "a true minus sign");
        assertEquals("0", f.format(-0.001), "no minus on a value that rounds to zero");
    }

    @Test
    void englishUsesDecimalPointAndCommaThousands() {
        ChartNumberFormat f = ChartNumberFormat.numbers(EN, 0, 2);
        assertEquals("53.6", f.format(53.6));
        assertEquals("1,234", f.format(1234));
        assertEquals("12,500", f.format(12500));
        assertEquals("\u22120.5", f.format(-0.5));
    }

    @Test
    void percentHasAThinNoBreakSpaceInRussianOnlyAsTheTextHas() {
        assertEquals("53,6\u202F%", ChartNumberFormat.percent(RU).format(0.536));
        assertEquals("50\u202F%", ChartNumberFormat.percent(RU).format(0.5));
        assertEquals(org.digestpress.typography.Typographer.forLanguage("ru").text("53,6%"),
                ChartNumberFormat.percent(RU).format(0.536), "a share in a chart is set as the text sets it");
        assertEquals(org.digestpress.typography.Typographer.forLanguage("en").text("53.6%"),
                ChartNumberFormat.percent(EN).format(0.536));
        assertEquals(org.digestpress.typography.Typographer.forLanguage("ru").text("12500"),
                ChartNumberFormat.numbers(RU, 0, 2).format(12500));
        assertEquals("53.6%", ChartNumberFormat.percent(EN).format(0.536));
    }

    @Test
    void fixedDecimalsKeepTheAuthorsPrecision() {
        ChartNumberFormat f = ChartNumberFormat.numbers(RU, 1, 1);
        assertEquals("33,0", f.format(33));
        assertEquals("59,5", f.format(59.5));
    }

    @Test
    void axisColumnsGroupFourDigitNumbersToo() {
        ChartNumberFormat f = ChartNumberFormat.numbers(RU, 0, 0).groupingFromThousands();
        assertEquals("5\u202F000", f.format(5000));
        assertEquals("500", f.format(500));
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertEquals("en", ChartLabels.forLanguage("de").language());
        assertEquals("ru", ChartLabels.forLanguage("ru-RU").language());
        assertEquals("en", ChartLabels.forLanguage(null).language());
    }

    /** PT Sans has no U+202F; drawn numbers fall back to U+00A0 so they stay text in the PDF. */
    @Test
    void drawnNumbersUseOnlyGlyphsTheFontHas() {
        ChartPdf.registerFontsWithAwt();
        Font ptSans = new Font(ChartPdf.FAMILY, Font.PLAIN, 12);
        assertEquals(ChartPdf.FAMILY, ptSans.getFamily(), "PT Sans must be known to AWT for this test");
        assertEquals(false, ptSans.canDisplay('\u202F'), "premise: PT Sans lacks U+202F");
        assertEquals("12\u00A0500", ChartNumberFormat.numbers(RU, 0, 0).drawnWith(ptSans).format(12500));
        assertEquals("\u22125", ChartNumberFormat.numbers(RU, 0, 0).drawnWith(ptSans).format(-5));
    }
}

package org.digestpress.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrandColoursTest {

    /** The sample's amber on white was 2.92:1 (issue 21); the shade for text reaches 4.5:1 and stays amber. */
    @Test
    void theSamplesAccentIsDarkenedJustEnoughForSmallText() {
        assertEquals(2.92, BrandColours.contrast("#D9822B", "#ffffff"), 0.01);
        String text = BrandColours.forText("#D9822B", "#ffffff");
        double contrast = BrandColours.contrast(text, "#ffffff");
        assertTrue(contrast >= 4.5 && contrast < 4.8, text + " " + contrast);
        int r = Integer.parseInt(text.substring(1, 3), 16);
        int g = Integer.parseInt(text.substring(3, 5), 16);
        int b = Integer.parseInt(text.substring(5, 7), 16);
        assertTrue(r > g && g > b, "still amber: " + text);
    }

    @Test
    void aColourThatAlreadyReadsIsKept() {
        assertEquals("#0e4d5c", BrandColours.forText("#0E4D5C", "#FFFFFF"));
    }

    /** On a dark band (the masthead's deep teal) the accent is lightened instead. */
    @Test
    void onADarkBackgroundTheShadeIsLighter() {
        String text = BrandColours.forText("#D9822B", "#0E4D5C");
        assertTrue(BrandColours.contrast(text, "#0E4D5C") >= 4.5, text);
        assertTrue(Integer.parseInt(text.substring(1, 3), 16) >= 0xd9, "lighter: " + text);
    }

    @Test
    void whiteOnWhiteBecomesReadable() {
        assertTrue(BrandColours.contrast(BrandColours.forText("#ffffff", "#ffffff"), "#ffffff") >= 4.5);
        assertTrue(BrandColours.contrast(BrandColours.forText("#fff", "#000"), "#000") >= 4.5);
    }
}

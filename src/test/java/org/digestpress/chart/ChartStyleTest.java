package org.digestpress.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChartStyleTest {

    private static float hue(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }

    /** Tints and shades of the two brand hues only: no colour the brand does not have. */
    @Test
    void brandPaletteStaysWithinTheTwoBrandHues() {
        Color primary = new Color(0x1F4E79);
        Color accent = new Color(0xC8553D);
        List<Color> palette = ChartStyle.fromBrand("PT Sans", primary, accent, Color.BLACK).palette();
        assertEquals(6, palette.size());
        assertEquals(primary, palette.get(0));
        assertEquals(accent, palette.get(1));
        assertEquals(6, new HashSet<>(palette).size(), "all colours distinct");
        for (Color c : palette) {
            boolean brandHue = Math.abs(hue(c) - hue(primary)) < 0.02 || Math.abs(hue(c) - hue(accent)) < 0.02;
            assertTrue(brandHue, () -> c + " is neither a primary nor an accent tint or shade");
        }
        // Neighbours differ clearly in lightness or hue, so adjacent series can be told apart.
        for (int i = 1; i < palette.size(); i++) {
            double contrast = Math.abs(ChartStyle.luminance(palette.get(i)) - ChartStyle.luminance(palette.get(i - 1)));
            boolean otherHue = Math.abs(hue(palette.get(i)) - hue(palette.get(i - 1))) > 0.1;
            int index = i;
            assertTrue(contrast > 0.04 || otherHue, () -> "series " + index + " too close to " + (index - 1));
        }
    }

    @Test
    void seriesBeyondThePaletteReuseIt() {
        ChartStyle style = ChartStyle.fromBrand("PT Sans", Color.BLUE, Color.RED, Color.BLACK);
        assertEquals(style.seriesColor(0), style.seriesColor(6));
    }

    @Test
    void niceScaleEndsOnAGridline() {
        assertEquals(new NiceScale(0, 80, 20), NiceScale.of(0, 67, 5, true, 0.08));
        assertEquals(new NiceScale(0, 60, 20), NiceScale.of(0, 53, 5, true, 0));
        assertEquals(new NiceScale(0, 1, 0.25), NiceScale.of(0, 0.9, 4, false, 0));
        assertEquals(new NiceScale(-20, 40, 20), NiceScale.of(-12, 31, 4, true, 0));
        NiceScale tight = NiceScale.of(0, 100, 4, true, 0.08);
        assertTrue(tight.upper() > 100 && (tight.upper() - tight.lower()) / tight.step() <= 5, tight::toString);
    }
}

package org.digestpress.chart;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * How charts look in this publication: the typeface (a family registered both with AWT and with
 * the PDF builder under this very name, or chart text turns into outlines), the text colour and
 * the series colours in the order series use them.
 *
 * @param fontFamily family name, e.g. "PT Sans"
 * @param textColor  colour of labels and value labels
 * @param palette    series colours, at least one; series beyond its size reuse it from the start
 */
public record ChartStyle(String fontFamily, Color textColor, List<Color> palette) {

    public ChartStyle {
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(textColor, "textColor");
        palette = List.copyOf(palette);
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("palette needs at least one colour");
        }
    }

    /**
     * A style from the brand's two colours. The palette alternates the two hues and then their
     * shades and tints, so neighbouring series differ in hue first and lightness second, and the
     * page never gets colours the brand does not have.
     */
    public static ChartStyle fromBrand(String fontFamily, Color primary, Color accent, Color text) {
        List<Color> palette = List.of(
                primary,
                accent,
                mix(primary, Color.BLACK, 0.40),
                mix(accent, Color.WHITE, 0.45),
                mix(primary, Color.WHITE, 0.55),
                mix(accent, Color.BLACK, 0.40));
        return new ChartStyle(fontFamily, text, palette);
    }

    Color seriesColor(int index) {
        return palette.get(index % palette.size());
    }

    /** Secondary text (tick labels): the text colour softened towards white. */
    Color quietTextColor() {
        return mix(textColor, Color.WHITE, 0.25);
    }

    /** {@code share} of {@code other} mixed into {@code base}, channel by channel. */
    static Color mix(Color base, Color other, double share) {
        return new Color(
                channel(base.getRed(), other.getRed(), share),
                channel(base.getGreen(), other.getGreen(), share),
                channel(base.getBlue(), other.getBlue(), share));
    }

    private static int channel(int base, int other, double share) {
        return (int) Math.round(base + (other - base) * share);
    }

    /** Relative luminance (WCAG), to pick dark or light text on a coloured bar. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}

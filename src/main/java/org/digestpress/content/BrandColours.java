package org.digestpress.content;

import java.util.Locale;

/**
 * Accessible shades of the brand's colours. A brand colour is chosen for its look, not for reading:
 * the sample's amber accent on white is 2.9:1, under the 4.5:1 that WCAG 2 (1.4.3) asks of small
 * text. For text the colour is darkened (on a light background) or lightened (on a dark one) just
 * enough to reach 4.5:1, keeping its hue, so the brand still shows; large and decorative uses (rules,
 * borders, bands) keep the brand colour itself. Contrast and relative luminance as WCAG 2 defines them.
 */
public final class BrandColours {

    /** WCAG 2 AA for text under 18.66 px bold or 24 px regular. */
    public static final double SMALL_TEXT = 4.5;
    /** A little above the limit, so that a browser's rounding of the colour cannot drop it below. */
    private static final double TARGET = SMALL_TEXT + 0.1;

    private BrandColours() {
    }

    /**
     * The brand colour itself when it already reads as small text on {@code backgroundHex}, else
     * the nearest shade of it, mixed towards black (light background) or white (dark one), that does.
     *
     * @param brandHex      {@code #rrggbb}
     * @param backgroundHex {@code #rrggbb}
     * @return {@code #rrggbb}, lower case
     */
    public static String forText(String brandHex, String backgroundHex) {
        int[] brand = rgb(brandHex);
        int[] background = rgb(backgroundHex);
        if (contrast(brand, background) >= TARGET) {
            return hex(brand);
        }
        int[] toward = luminance(background) > 0.18 ? new int[] {0, 0, 0} : new int[] {255, 255, 255};
        // the contrast grows monotonically with the mix: the first step that reaches the target is the closest shade
        for (int step = 1; step <= 100; step++) {
            int[] shade = mix(brand, toward, step / 100.0);
            if (contrast(shade, background) >= TARGET) {
                return hex(shade);
            }
        }
        return hex(toward);
    }

    /** The WCAG 2 contrast ratio of two {@code #rrggbb} colours, from 1 to 21. */
    public static double contrast(String aHex, String bHex) {
        return contrast(rgb(aHex), rgb(bHex));
    }

    private static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int[] mix(int[] a, int[] b, double t) {
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(a[i] + (b[i] - a[i]) * t);
        }
        return out;
    }

    private static int[] rgb(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (!h.matches("[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        int v = Integer.parseInt(h, 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}

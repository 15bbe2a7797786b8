package org.digestpress.content;

/**
 * Shades of the brand's colours that small text can use. STUB written by the e-mail edition's
 * branch against the signature the web edition's branch provides; that implementation replaces
 * this one at merge. Here: the brand colour darkened (or, on a dark background, lightened) in
 * small steps until its contrast with the background reaches 4.5:1 (WCAG 2.x, AA for small text).
 */
public final class BrandColours {

    private static final double SMALL_TEXT = 4.5;

    private BrandColours() {
    }

    /** {@code brandHex} itself when it already reads at 4.5:1 on {@code backgroundHex}, else the nearest shade that does. */
    public static String forText(String brandHex, String backgroundHex) {
        int[] brand = rgb(brandHex);
        double background = luminance(rgb(backgroundHex));
        int target = background > 0.18 ? 0 : 255;
        for (int step = 0; step <= 100; step++) {
            double t = step / 100.0;
            int[] shade = new int[3];
            for (int i = 0; i < 3; i++) {
                shade[i] = (int) Math.round(brand[i] + (target - brand[i]) * t);
            }
            if (contrast(luminance(shade), background) >= SMALL_TEXT) {
                return String.format("#%02x%02x%02x", shade[0], shade[1], shade[2]);
            }
        }
        return target == 0 ? "#000000" : "#ffffff";
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}

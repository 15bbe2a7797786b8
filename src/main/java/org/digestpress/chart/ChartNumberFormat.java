package org.digestpress.chart;

import java.awt.Font;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Map;

/**
 * Numbers as the article's language writes them: decimal comma and a thin no-break space between
 * thousands in Russian, decimal point and comma thousands in English, a true minus sign in both.
 * A {@link NumberFormat} so JFreeChart can use it for tick and value labels directly; the JDK's
 * locale data is not used because it groups Russian numbers with U+00A0 and from 1 000 up, which
 * is not how Russian print sets them.
 */
final class ChartNumberFormat extends NumberFormat {

    private final String decimal;
    private final String grouping;
    private final double groupingFrom;
    private final String minus;
    private final int minFraction;
    private final int maxFraction;
    private final boolean percent;
    private final ChartLabels labels;
    /** When set, output is fitted to what this font can show (see {@link GlyphSubstitutes}). */
    private final Font drawingFont;

    private ChartNumberFormat(ChartLabels labels, int minFraction, int maxFraction, boolean percent) {
        this(labels, minFraction, maxFraction, percent, null,
                Double.parseDouble(labels.get("number.grouping.from")));
    }

    private ChartNumberFormat(ChartLabels labels, int minFraction, int maxFraction, boolean percent,
                              Font drawingFont, double groupingFrom) {
        this.labels = labels;
        this.decimal = labels.get("number.decimal");
        this.grouping = labels.get("number.grouping");
        this.groupingFrom = groupingFrom;
        this.minus = labels.get("number.minus");
        this.minFraction = minFraction;
        this.maxFraction = maxFraction;
        this.percent = percent;
        this.drawingFont = drawingFont;
    }

    /** The same format grouping every number from 1 000 up, for columns of mixed widths. */
    ChartNumberFormat groupingFromThousands() {
        return new ChartNumberFormat(labels, minFraction, maxFraction, percent, drawingFont, Math.min(groupingFrom, 1000));
    }

    /** The same format for text drawn in {@code font}: characters it lacks get stand-ins. */
    ChartNumberFormat drawnWith(Font font) {
        return new ChartNumberFormat(labels, minFraction, maxFraction, percent, font, groupingFrom);
    }

    /** Plain numbers with between {@code minFraction} and {@code maxFraction} decimals. */
    static ChartNumberFormat numbers(ChartLabels labels, int minFraction, int maxFraction) {
        return new ChartNumberFormat(labels, minFraction, maxFraction, false);
    }

    /** Shares (0.536) written as per cent ("53,6 %"), with at most one decimal. */
    static ChartNumberFormat percent(ChartLabels labels) {
        return new ChartNumberFormat(labels, 0, 1, true);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return toAppendTo;
        }
        double value = percent ? number * 100 : number;
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).setScale(maxFraction, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        while (fraction.length() > minFraction && fraction.endsWith("0")) {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        StringBuilder text = new StringBuilder();
        if (value < 0 && rounded.signum() != 0) {
            text.append(minus);
        }
        text.append(rounded.doubleValue() >= groupingFrom ? group(whole) : whole);
        if (!fraction.isEmpty()) {
            text.append(decimal).append(fraction);
        }
        String result = percent ? labels.fill("number.percent", Map.of("number", text.toString()))
                : text.toString();
        return toAppendTo.append(drawingFont == null ? result : GlyphSubstitutes.fit(result, drawingFont));
    }

    private String group(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(grouping);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    /** Charts only print numbers; nothing ever parses them back. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChartNumberFormat that && that.labels == labels
                && that.minFraction == minFraction && that.maxFraction == maxFraction && that.percent == percent
                && that.groupingFrom == groupingFrom && java.util.Objects.equals(that.drawingFont, drawingFont);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + maxFraction * 7 + minFraction + (percent ? 1 : 0);
    }
}

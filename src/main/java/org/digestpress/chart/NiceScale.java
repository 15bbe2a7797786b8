package org.digestpress.chart;

/**
 * A value-axis range that starts and ends on a gridline, with a step of 1, 2, 2.5 or 5 times a
 * power of ten. JFreeChart's automatic range ends wherever the data ends plus a margin, which
 * leaves the tallest bar poking above the last gridline with no number to read it against.
 */
record NiceScale(double lower, double upper, double step) {

    private static final double[] STEPS = {1, 2, 2.5, 5, 10};

    /**
     * @param min          smallest value to show (include 0 here for bars)
     * @param max          largest value to show
     * @param maxIntervals how many gridline intervals fit the plot's height
     * @param wholeNumbers avoid fractional steps when all data are whole numbers
     * @param headroom     fraction of the range to keep free above {@code max} (for value labels)
     */
    static NiceScale of(double min, double max, int maxIntervals, boolean wholeNumbers, double headroom) {
        if (max <= min) {
            max = min + Math.max(1, Math.abs(min));
        }
        double step = niceStep((max - min) / Math.max(1, maxIntervals), wholeNumbers);
        double lower = Math.floor(min / step) * step;
        double upper = Math.ceil(max / step) * step;
        if (upper - max < headroom * (upper - lower)) {
            upper += step;
        }
        // Growing the range may leave more intervals than fit: widen the step once more.
        if ((upper - lower) / step > maxIntervals + 1) {
            step = niceStep(step * 1.01, wholeNumbers);
            lower = Math.floor(min / step) * step;
            upper = Math.ceil(max / step) * step;
            if (upper - max < headroom * (upper - lower)) {
                upper += step;
            }
        }
        return new NiceScale(lower, upper, step);
    }

    /** The smallest 1/2/2.5/5 × 10^k step not below {@code rough}. */
    private static double niceStep(double rough, boolean wholeNumbers) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : STEPS) {
            double step = factor * magnitude;
            if (wholeNumbers && step < 1) {
                continue;
            }
            if (wholeNumbers && step != Math.rint(step)) {
                continue;
            }
            if (step >= rough * 0.9999) {
                return step;
            }
        }
        return 10 * magnitude;
    }
}

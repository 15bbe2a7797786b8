package org.digestpress.problem;

import java.util.Locale;

/**
 * How long each stage of a build took, on standard error, when the environment variable
 * {@code DIGESTPRESS_TIMINGS} is set (or the system property {@code digestpress.timings}): for an
 * editor asking why an issue is slow, and for the benchmark's account of where the time goes.
 * Off, it costs one boolean test per stage.
 */
public final class StageClock {
    private static final boolean ON = System.getenv("DIGESTPRESS_TIMINGS") != null
            || Boolean.getBoolean("digestpress.timings");
    private static long start;
    private static long last;

    private StageClock() {
    }

    /** Starts counting a build from zero. */
    public static synchronized void start(String what) {
        if (ON) {
            start = System.nanoTime();
            last = start;
            System.err.println("timings: " + what);
        }
    }

    /** The time since the previous mark, as the stage {@code what} ended. */
    public static synchronized void mark(String what) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        System.err.printf(Locale.ROOT, "timings: %7.0f ms  +%6.0f ms  %s%n", (now - start) / 1e6, (now - last) / 1e6, what);
        last = now;
    }
}

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
    /**
     * The start and the last mark of the build running on this thread: builds on other threads
     * (the archive's {@code --jobs}, a resident engine serving two commands) each keep their own,
     * and nothing of a build stays in a static once it is over ({@link #stop}).
     */
    private static final ThreadLocal<long[]> TIMES = new ThreadLocal<>();

    private StageClock() {
    }

    /** Starts counting a build on this thread from zero. */
    public static void start(String what) {
        if (ON) {
            long now = System.nanoTime();
            TIMES.set(new long[] {now, now});
            System.err.println("timings: " + what);
        }
    }

    /** The time since the previous mark, as the stage {@code what} ended; nothing outside a build. */
    public static void mark(String what) {
        if (!ON) {
            return;
        }
        long[] times = TIMES.get();
        if (times == null) {
            return;
        }
        long now = System.nanoTime();
        System.err.printf(Locale.ROOT, "timings: %7.0f ms  +%6.0f ms  %s%n", (now - times[0]) / 1e6,
                (now - times[1]) / 1e6, what);
        times[1] = now;
    }

    /** Ends the count of this thread's build. */
    public static void stop() {
        TIMES.remove();
    }
}

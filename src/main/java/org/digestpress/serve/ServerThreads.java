package org.digestpress.serve;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * serve's threads: daemons that say so when one dies, and the warm-up builds it runs after its
 * first build while nobody saves. A resident JVM compiles its hot code over the first builds, and
 * those should not be the author's first saves. The first of them makes the issue's PDF for the
 * download ({@link IssuePdf}), so that a click on it is answered at once. They start once the
 * first page's pictures are drawn, queue behind any save made meanwhile, and each gives way to a
 * save seen before it starts.
 */
final class ServerThreads {

    private static final int BUILDS = 2;
    /** The first page's pictures are drawn before the warm-up builds take the cores. */
    private static final long AFTER_MILLIS = 3000;

    private ServerThreads() {
    }

    /** Queues {@code issuePdf}, then the other warm-up builds, on {@code builder} after a while; the builder is not held meanwhile. */
    static void warmUpLater(ExecutorService builder, Runnable issuePdf, Runnable build) {
        Executor later = CompletableFuture.delayedExecutor(AFTER_MILLIS, TimeUnit.MILLISECONDS, builder);
        later.execute(issuePdf);
        for (int i = 1; i < BUILDS; i++) {
            later.execute(build);
        }
    }

    /** Daemon threads; one that dies unexpectedly says so in a sentence, not with a stack trace. */
    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> System.err.println(
                    "digest: the preview server's " + name + " thread stopped unexpectedly."));
            return t;
        };
    }

    /** Waits for the first build, which turns every failure into a failed build. */
    static void awaitQuietly(java.util.concurrent.Future<?> build) {
        try {
            build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // rebuild() turns every failure into a failed build; nothing is left to come out here
        }
    }
}

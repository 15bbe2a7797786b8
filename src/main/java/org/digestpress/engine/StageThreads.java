package org.digestpress.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The threads the per-article stages (Markdown, typography, charts) run on: one per core, each
 * with a stack of a known size. The stages walk the text's tree by recursion; the nesting limits
 * ({@code markdown.Nesting}) keep that tree shallow, and this stack is the margin above them. The
 * default stack of a pool thread is whatever the JVM was started with (1 MB on Linux), and
 * {@code parallelStream} ran the articles on it, so how much text overflowed it depended on the
 * machine. What still overflows is reported per article by the caller.
 */
final class StageThreads {

    /** Far above what the nesting limits let the stages reach, far below what memory allows for a few threads. */
    static final long STACK_BYTES = 16L << 20;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), work -> {
                Thread thread = new Thread(null, work, "digestpress-article-" + COUNT.incrementAndGet(), STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });

    private StageThreads() {
    }

    /**
     * {@code work} applied to every item on the stage threads, the results in the order of the
     * items. {@code work} is expected to catch what the content can cause; anything else it throws
     * (a bug) is thrown here, on the caller's thread.
     */
    static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<Future<R>> running = new ArrayList<>();
        for (T item : items) {
            running.add(POOL.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : running) {
            results.add(result(future));
        }
        return results;
    }

    /** {@code work} run on a stage thread, for the caller to wait for. */
    static <R> R call(java.util.function.Supplier<R> work) {
        return result(POOL.submit(work::get));
    }

    private static <R> R result(Future<R> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // the stages are short; finish waiting and let the caller see the interruption
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

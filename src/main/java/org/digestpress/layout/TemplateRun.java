package org.digestpress.layout;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * One run of a template with limits. Templates may come from anyone ({@code --templates}), and
 * FreeMarker has none of its own: two nested {@code <#list 1..2000000000>} ran until killed, a
 * macro that calls itself overflowed the stack, a string of a billion characters took all memory.
 *
 * <p>The run goes on a thread of its own with a stack of known size. FreeMarker calls a
 * {@link TemplateProcessingTracer} on that thread before every template element (a directive,
 * an interpolation, a text, and, with {@link LimitedConfiguration}'s checks, every turn of a
 * loop); the tracer stops the run, with the element's template, line and column, when the run is
 * past its time limit or its elements are nested deeper than {@link #MAX_DEPTH}. The output goes
 * through a writer that stops it past {@link #MAX_OUTPUT_CHARS}. A stack overflow or an
 * out-of-memory error that still happens is reported at the last element entered. A single
 * built-in that runs for long without entering an element cannot be stopped from outside: the
 * caller stops waiting for it at twice the limit and leaves the thread to finish on its own.
 */
final class TemplateRun {

    /** A layout runs a few seconds at most; a minute is a template that does not end. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** Seconds, to lower the limit in tests. */
    static final String TIME_LIMIT_PROPERTY = "digestpress.templateTimeLimit";
    /** Template elements inside each other: macros calling macros. The stylesheet and issue need about 20. */
    static final int MAX_DEPTH = 1000;
    /** The document a layout writes: an issue of 300 pages is about 5 million characters. */
    static final long MAX_OUTPUT_CHARS = 100_000_000L;
    /** Characters, to lower the limit in tests. */
    static final String OUTPUT_LIMIT_PROPERTY = "digestpress.templateOutputLimit";
    private static final long STACK_BYTES = 32L << 20;

    /** Why a run stopped, where: the element's template, line and column, when known. */
    static final class Stopped extends RuntimeException {
        private final String templateName;
        private final int line;
        private final int column;

        Stopped(TemplateProcessingTracer.TracedElement at, String sentence) {
            super(sentence, null, false, false);
            this.templateName = at == null || at.getTemplate() == null ? null : at.getTemplate().getSourceName();
            this.line = at == null ? 0 : at.getBeginLine();
            this.column = at == null ? 0 : at.getBeginColumn();
        }

        String templateName() {
            return templateName;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private final Duration limit;
    private final long deadline;
    private volatile TemplateProcessingTracer.TracedElement last;
    private volatile Stopped stopped;
    private int depth;

    private final long maxOutput;

    private TemplateRun(Duration limit, long maxOutput) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.maxOutput = maxOutput;
    }

    /** {@link #MAX_OUTPUT_CHARS}, or the system property {@value #OUTPUT_LIMIT_PROPERTY}. */
    static long outputLimit() {
        try {
            return Long.parseLong(System.getProperty(OUTPUT_LIMIT_PROPERTY, String.valueOf(MAX_OUTPUT_CHARS)));
        } catch (NumberFormatException e) {
            return MAX_OUTPUT_CHARS;
        }
    }

    /** The time limit: {@link #TIME_LIMIT}, or the system property {@value #TIME_LIMIT_PROPERTY} in seconds. */
    static Duration timeLimit() {
        String seconds = System.getProperty(TIME_LIMIT_PROPERTY);
        if (seconds != null) {
            try {
                return Duration.ofMillis(Math.max(1, (long) (Double.parseDouble(seconds) * 1000)));
            } catch (NumberFormatException e) {
                // a malformed value in a test setting: the default
            }
        }
        return TIME_LIMIT;
    }

    /**
     * Processes {@code template} with {@code model} into {@code out}.
     *
     * @throws Stopped when a limit stopped it
     */
    static void process(Template template, Object model, Writer out) throws TemplateException, IOException {
        new TemplateRun(timeLimit(), outputLimit()).run(template, model, out);
    }

    private void run(Template template, Object model, Writer out) throws TemplateException, IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Writer limited = new LimitedWriter(out);
        Thread thread = new Thread(null, () -> {
            try {
                Environment env = template.createProcessingEnvironment(model, limited);
                env.setTemplateProcessingTracer(new Tracer());
                env.process();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "digestpress-template", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(2 * limit.toMillis() + 1000);
            if (thread.isAlive()) {
                // a built-in busy in one element: tell it to stop at its next loop turn, and stop waiting
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new Stopped(last, ranTooLong());
        }
        Throwable e = failure.get();
        if (stopped != null) {
            throw stopped;
        }
        if (e == null) {
            return;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Stopped s) {
                throw s;
            }
        }
        if (e instanceof StackOverflowError) {
            throw new Stopped(last, "The templates nest deeper than a layout may (a macro or function that calls "
                    + "itself without end?); the last step begun is here.");
        }
        if (e instanceof OutOfMemoryError) {
            throw new Stopped(last, "The templates need more memory than a layout may take (a string or list "
                    + "of millions of items, e.g. ?left_pad with a huge width or a string doubled in a loop); "
                    + "the last step begun is here.");
        }
        if (e instanceof TemplateException te) {
            throw te;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }

    private String ranTooLong() {
        long seconds = limit.toSeconds();
        return "The templates ran longer than " + (seconds > 0 ? seconds + " s" : limit.toMillis() + " ms")
                + " and were stopped here (a loop over a huge range, or loops inside loops?). A layout takes a "
                + "few seconds.";
    }

    /** Stops the run once, and from then on at every element (an #attempt must not swallow it). */
    private Stopped stop(TemplateProcessingTracer.TracedElement at, String sentence) {
        if (stopped == null) {
            stopped = new Stopped(at, sentence);
        }
        return stopped;
    }

    private final class Tracer implements TemplateProcessingTracer {
        @Override
        public void enterElement(Environment env, TracedElement element) {
            last = element;
            depth++;
            if (stopped != null) {
                throw stopped;
            }
            if (depth > MAX_DEPTH) {
                throw stop(element, "The templates nest more than " + MAX_DEPTH + " steps deep here (a macro or "
                        + "function that calls itself without end?).");
            }
            if (System.nanoTime() > deadline) {
                throw stop(element, ranTooLong());
            }
        }

        @Override
        public void exitElement(Environment env, TracedElement element) {
            depth--;
        }
    }

    /** Counts what the templates write and stops them past the limit (and past the deadline). */
    private final class LimitedWriter extends Writer {
        private final Writer out;
        private long written;

        LimitedWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            check(length);
            out.write(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            check(length);
            out.write(text, offset, length);
        }

        private void check(int length) {
            written += length;
            if (stopped != null) {
                throw stopped;
            }
            if (written > maxOutput) {
                throw stop(last, "The templates write more than " + String.format(java.util.Locale.ROOT, "%,d",
                        maxOutput) + " characters (a loop over a huge range, or a huge string?); stopped here.");
            }
            if (System.nanoTime() > deadline) {
                throw stop(last, ranTooLong());
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

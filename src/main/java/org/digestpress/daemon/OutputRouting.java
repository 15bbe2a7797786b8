package org.digestpress.daemon;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * {@code System.out} and {@code System.err} of the engine: what code prints there directly (the
 * stage timings of {@code DIGESTPRESS_TIMINGS}, a trace of {@code DIGESTPRESS_DEBUG=1}) goes to the
 * client of the command that is running, as it would go to the terminal of an in-process run;
 * between commands it goes to the engine's log. Commands run one at a time, so there is one target.
 */
final class OutputRouting extends OutputStream {

    private final PrintStream log;
    private final Charset charset;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Writer target;

    private OutputRouting(PrintStream log, Charset charset) {
        this.log = log;
        this.charset = charset;
    }

    /** Installs routing for both streams; the returned pair is pointed at each command's client. */
    static OutputRouting[] install(Charset charset) {
        OutputRouting out = new OutputRouting(System.out, charset);
        OutputRouting err = new OutputRouting(System.err, charset);
        System.setOut(new PrintStream(out, true, charset));
        System.setErr(new PrintStream(err, true, charset));
        return new OutputRouting[] {out, err};
    }

    /** @param writer the client's stream, or null for the log */
    synchronized void to(Writer writer) {
        flush();
        target = writer;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        if (target == null) {
            log.write(pending.toByteArray(), 0, pending.size());
            log.flush();
        } else {
            try {
                target.write(pending.toString(charset));
                target.flush();
            } catch (java.io.IOException e) {
                // the client is gone; the command goes on as in-process output to a closed pipe would
            }
        }
        pending.reset();
    }
}

package org.digestpress.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * One of a command's two output streams, sent to the client as lines the launcher can read with
 * bash's {@code read}: {@code o} + a line of standard output, {@code e} + a line of standard
 * error; {@code O} and {@code E} carry text without its newline (what was flushed before the
 * line ended), so the client prints exactly the characters the command printed, in order, each
 * on its own stream. A client that went away makes writes fail silently: the command goes on.
 */
final class FramedOutput extends Writer {

    private final OutputStream socket;
    private final char channel;
    private final Charset charset;
    private final StringBuilder line = new StringBuilder();
    private volatile boolean broken;

    /** @param socket shared by both channels; frames are written whole under its lock */
    FramedOutput(OutputStream socket, char channel, Charset charset) {
        this.socket = socket;
        this.channel = channel;
        this.charset = charset;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                send(channel, line);
                line.setLength(0);
            } else {
                line.append(chars[i]);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            send(Character.toUpperCase(channel), line);
            line.setLength(0);
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** The final frame: the command's exit status (or a word the launcher takes as "run it yourself"). */
    void finish(String status) {
        send('x', status);
    }

    private void send(char kind, CharSequence text) {
        if (broken) {
            return;
        }
        byte[] frame = (kind + text.toString() + "\n").getBytes(charset);
        synchronized (socket) {
            try {
                socket.write(frame);
                socket.flush();
            } catch (IOException e) {
                broken = true;
            }
        }
    }
}

package org.digestpress.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection of an {@link HttpListener}: reads a request head (bounded, with a
 * deadline), answers it at once or on a worker, writes the answer as the client takes it (a
 * stalled client is dropped), and keeps an event stream open. Touched only on the network thread.
 */
final class Connection {
    private final HttpListener owner;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final ByteBuffer in;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    HttpListener.State state = HttpListener.State.READING;
    /** When the current state began: the head deadline and the linger run from here. */
    long since = System.nanoTime();
    /** The last time a write made progress, or output began waiting. */
    private long progress;
    private long queued;
    private boolean keep;
    private int scanned;

    Connection(HttpListener owner, SocketChannel channel) throws IOException {
        this.owner = owner;
        this.in = ByteBuffer.allocate(owner.limits.headBytes());
        this.channel = channel;
        this.key = channel.register(owner.selector, SelectionKey.OP_READ, this);
        owner.links.add(this);
    }

    void ready() {
        try {
            if (key.isValid() && key.isWritable()) {
                write();
            }
            if (key.isValid() && key.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    private void read() throws IOException {
        if (state != HttpListener.State.READING) {
            // A stream's client sends nothing more; a closing one its unread rest. Either way only
            // the end matters: it tells the client went away.
            owner.discard.clear();
            if (channel.read(owner.discard) < 0) {
                close();
            }
            return;
        }
        if (channel.read(in) < 0) {
            close();
            return;
        }
        nextRequest();
    }

    /** Answers the request whose head is complete in {@code in}, if there is one. */
    private void nextRequest() {
        int length = headLength();
        if (length < 0) {
            if (!in.hasRemaining()) {
                respond(null, Answer.text(431, "The request head is too long."));
            }
            return;
        }
        byte[] bytes = new byte[length];
        in.flip();
        in.get(bytes);
        in.compact();
        scanned = 0;
        Request request = Request.parse(new String(bytes, StandardCharsets.ISO_8859_1).strip());
        if (request == null) {
            respond(null, Answer.text(400, "This is not an HTTP request this server understands."));
            return;
        }
        Answer answer = owner.origin.refusal(request);
        if (answer == null) {
            try {
                answer = owner.routes.apply(request);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                answer = Answer.text(500, "The server could not answer this request.");
            }
        }
        if (answer.later() == null) {
            respond(request, answer);
            return;
        }
        state = HttpListener.State.WORKING;
        since = System.nanoTime();
        key.interestOps(0);
        Answer work = answer;
        try {
            owner.workers.execute(() -> {
                Answer done;
                try {
                    done = work.later().get();
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    done = Answer.text(500, "The server could not answer this request.");
                }
                Answer result = done;
                owner.submit(() -> respond(request, result));
            });
        } catch (RejectedExecutionException e) {
            respond(request, Answer.text(503, "The server is busy; try again in a moment."));
        }
    }

    /** The length of the head in {@code in} with its closing blank line, or -1 while it is incomplete. */
    private int headLength() {
        int n = in.position();
        for (int i = Math.max(0, scanned - 2); i < n; i++) {
            if (in.get(i) == '\n') {
                if (i + 1 < n && in.get(i + 1) == '\n') {
                    return i + 2;
                }
                if (i + 2 < n && in.get(i + 1) == '\r' && in.get(i + 2) == '\n') {
                    return i + 3;
                }
            }
        }
        scanned = n; // a client sending a byte at a time costs no rescan of what came before
        return -1;
    }

    private void respond(Request request, Answer answer) {
        if (!key.isValid()) {
            return;
        }
        if (answer.stream() && owner.streams >= owner.limits.streams()) {
            answer = Answer.text(503, "Too many pages of this server are open; close some and reload.");
        }
        boolean head = request != null && request.method().equals("HEAD");
        keep = request != null && answer.status() < 400 && !answer.stream() && request.keepAlive()
                && !request.hasBody();
        queued = 0;
        send(ByteBuffer.wrap(answer.head(keep)));
        if (!head) {
            send(ByteBuffer.wrap(answer.body()));
        }
        if (answer.stream() && !head) {
            state = HttpListener.State.STREAMING;
            owner.streams++;
        } else {
            state = HttpListener.State.WRITING;
        }
        since = System.nanoTime();
        try {
            write();
        } catch (IOException e) {
            close();
        }
    }

    void send(ByteBuffer chunk) {
        if (!key.isValid()) {
            return;
        }
        if (out.isEmpty()) {
            progress = System.nanoTime();
        }
        out.add(chunk);
        queued += chunk.remaining();
        if (state == HttpListener.State.STREAMING && queued > owner.limits.streamBacklog()) {
            close(); // a page that stopped reading its stream
            return;
        }
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }

    private void write() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer chunk = out.peek();
            int n = channel.write(chunk);
            if (n > 0) {
                progress = System.nanoTime();
                queued -= n;
            }
            if (chunk.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE | (state == HttpListener.State.STREAMING ? SelectionKey.OP_READ : 0));
                return;
            }
            out.poll();
        }
        switch (state) {
            case STREAMING -> key.interestOps(SelectionKey.OP_READ);
            case WRITING -> finished();
            default -> { }
        }
    }

    /** The answer is out: wait for the next request, or close gently (the client may still be sending). */
    private void finished() throws IOException {
        since = System.nanoTime();
        if (keep) {
            state = HttpListener.State.READING;
            key.interestOps(SelectionKey.OP_READ);
            nextRequest(); // a request sent right behind the last one is already here
        } else {
            state = HttpListener.State.CLOSING;
            channel.shutdownOutput();
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    void checkTime(long now) {
        boolean late = switch (state) {
            case READING -> now - since > owner.limits.head().toNanos();
            case CLOSING -> now - since > HttpListener.LINGER;
            default -> false;
        };
        if (late || (!out.isEmpty() && now - progress > owner.limits.stall().toNanos())) {
            close();
        }
    }

    void close() {
        if (!owner.links.remove(this)) {
            return;
        }
        if (state == HttpListener.State.STREAMING) {
            owner.streams--;
        }
        key.cancel();
        out.clear();
        HttpListener.quietly(channel);
    }
}

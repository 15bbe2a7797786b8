package org.digestpress.serve;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The preview server's HTTP/1.1 on one network thread (non-blocking sockets) and a few workers.
 * A slow or silent client costs a socket, never a thread: request heads must be complete within
 * {@link Limits#head}, a client that stops reading what it is sent is dropped after
 * {@link Limits#stall}, and the open connections, the event streams and the queued work are capped.
 * The JDK's {@code com.sun.net.httpserver} reads each request head on a pool thread with blocking
 * reads, so every slow client holds a thread, its event streams would each hold one too, and its
 * accept loop spins when the process runs out of file descriptors: hence this small server.
 * Only requests for the server's own origin are answered ({@link OriginRule}).
 */
final class HttpListener implements AutoCloseable {

    /**
     * @param connections open connections at most; at the cap the oldest one still waiting for its
     *                    request head is closed to make room (else the new one is refused)
     * @param streams     event streams (open pages) at most; more get 503
     * @param workers     threads that draw pages; {@code queued} more requests wait, more get 503
     * @param head        time for a request head to arrive completely (also the keep-alive idle time)
     * @param stall       time a client may leave unread what it is sent before it is dropped
     * @param ping        interval of the keep-alive comment on event streams
     * @param headBytes   size of a request head at most; a longer one gets 431
     * @param streamBacklog bytes an event stream may have unsent before its page counts as gone
     */
    record Limits(int connections, int streams, int workers, int queued, Duration head, Duration stall,
                  Duration ping, int headBytes, int streamBacklog) {
        static final Limits DEFAULT = new Limits(256, 64, 2, 64, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(15), 16 * 1024, 1 << 20);
    }

    private enum State { READING, WORKING, WRITING, STREAMING, CLOSING }

    private static final long LINGER = TimeUnit.SECONDS.toNanos(2);
    private static final long PAUSE_ACCEPT = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long SWEEP = TimeUnit.MILLISECONDS.toNanos(100);

    private final Limits limits;
    private final Function<Request, Answer> routes;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey accepting;
    private final ThreadPoolExecutor workers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Link> links = new HashSet<>();
    private final OriginRule origin;
    private final Thread thread;
    private final ByteBuffer discard = ByteBuffer.allocate(4096);
    private volatile boolean closed;
    private int streams;
    private long acceptPausedUntil;
    private long nextSweep;
    private long nextPing;

    /** Binds to the loopback address; {@code routes} runs on the network thread and must not block. */
    HttpListener(int port, Limits limits, Function<Request, Answer> routes) throws IOException {
        this.limits = limits;
        this.routes = routes;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(loopback, port), 128);
            server.configureBlocking(false);
            selector = Selector.open();
            accepting = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        int bound = port();
        origin = new OriginRule(loopback instanceof Inet6Address ? "[::1]" : loopback.getHostAddress(), bound);
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queued()), PreviewServer.daemon("digest-draw"));
        workers.allowCoreThreadTimeOut(true);
        thread = PreviewServer.daemon("digest-http").newThread(this::run);
        thread.start();
    }

    int port() {
        return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
    }

    InetAddress address() {
        return server.socket().getInetAddress();
    }

    /** Runs {@code task} on a worker thread, behind the requests already waiting; dropped when they are too many. */
    void work(Runnable task) {
        try {
            workers.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the workers are busy with requests: what was to be drawn ahead is drawn when asked for
        }
    }

    /** Sends {@code chunk} to every open event stream. */
    void broadcast(byte[] chunk) {
        submit(() -> {
            for (Link link : List.copyOf(links)) {
                if (link.state == State.STREAMING) {
                    link.send(ByteBuffer.wrap(chunk));
                }
            }
        });
    }

    private void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        while (!closed) {
            try {
                selector.select(250);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key == accepting) {
                        accept();
                    } else if (key.attachment() instanceof Link link) {
                        link.ready();
                    }
                }
                selector.selectedKeys().clear();
                keepTime(System.nanoTime());
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // One turn failed (a selector hiccup, memory short for a moment): the server goes on.
                pause();
            }
        }
        for (Link link : List.copyOf(links)) {
            link.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        for (int i = 0; i < 64; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Out of file descriptors, most likely: make room as at the cap. With nothing to close,
                // stop accepting a moment: the pending connection keeps the listening socket ready,
                // and selecting again at once would spin a core.
                if (!evictIdle()) {
                    accepting.interestOps(0);
                    acceptPausedUntil = System.nanoTime() + PAUSE_ACCEPT;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            if (links.size() >= limits.connections() && !evictIdle()) {
                quietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                new Link(channel);
            } catch (IOException e) {
                quietly(channel);
            }
        }
    }

    /** Closes the connection that has waited longest for a request head (a slow client, or an idle one). */
    private boolean evictIdle() {
        Link oldest = null;
        for (Link link : links) {
            if (link.state == State.READING && (oldest == null || link.since < oldest.since)) {
                oldest = link;
            }
        }
        if (oldest != null) {
            oldest.close();
        }
        return oldest != null;
    }

    private void keepTime(long now) {
        if (accepting.interestOps() == 0 && now - acceptPausedUntil >= 0 && !closed) {
            accepting.interestOps(SelectionKey.OP_ACCEPT);
        }
        boolean ping = now - nextPing >= 0;
        if (ping) {
            nextPing = now + limits.ping().toNanos();
        }
        if (now - nextSweep < 0 && !ping) {
            return;
        }
        nextSweep = now + SWEEP;
        for (Link link : List.copyOf(links)) {
            if (ping && link.state == State.STREAMING) {
                link.send(ByteBuffer.wrap(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII)));
            }
            link.checkTime(now);
        }
    }

    private static void quietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket we are dropping: nothing to save
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // the process is stopping the server: nothing to save
        }
    }

    /** One client connection; touched only on the network thread. */
    private final class Link {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final ByteBuffer in = ByteBuffer.allocate(limits.headBytes());
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private State state = State.READING;
        /** When the current state began: the head deadline and the linger run from here. */
        private long since = System.nanoTime();
        /** The last time a write made progress, or output began waiting. */
        private long progress;
        private long queued;
        private boolean keep;
        private int scanned;

        Link(SocketChannel channel) throws IOException {
            this.channel = channel;
            this.key = channel.register(selector, SelectionKey.OP_READ, this);
            links.add(this);
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
            if (state != State.READING) {
                // A stream's client sends nothing more; a closing one its unread rest. Either way only
                // the end matters: it tells the client went away.
                discard.clear();
                if (channel.read(discard) < 0) {
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
            Answer answer = origin.refusal(request);
            if (answer == null) {
                try {
                    answer = routes.apply(request);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    answer = Answer.text(500, "The server could not answer this request.");
                }
            }
            if (answer.later() == null) {
                respond(request, answer);
                return;
            }
            state = State.WORKING;
            since = System.nanoTime();
            key.interestOps(0);
            Answer work = answer;
            try {
                workers.execute(() -> {
                    Answer done;
                    try {
                        done = work.later().get();
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        done = Answer.text(500, "The server could not answer this request.");
                    }
                    Answer result = done;
                    submit(() -> respond(request, result));
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
            if (answer.stream() && streams >= limits.streams()) {
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
                state = State.STREAMING;
                streams++;
            } else {
                state = State.WRITING;
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
            if (state == State.STREAMING && queued > limits.streamBacklog()) {
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
                    key.interestOps(SelectionKey.OP_WRITE | (state == State.STREAMING ? SelectionKey.OP_READ : 0));
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
                state = State.READING;
                key.interestOps(SelectionKey.OP_READ);
                nextRequest(); // a request sent right behind the last one is already here
            } else {
                state = State.CLOSING;
                channel.shutdownOutput();
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void checkTime(long now) {
            boolean late = switch (state) {
                case READING -> now - since > limits.head().toNanos();
                case CLOSING -> now - since > LINGER;
                default -> false;
            };
            if (late || (!out.isEmpty() && now - progress > limits.stall().toNanos())) {
                close();
            }
        }

        void close() {
            if (!links.remove(this)) {
                return;
            }
            if (state == State.STREAMING) {
                streams--;
            }
            key.cancel();
            out.clear();
            quietly(channel);
        }
    }
}

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
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    enum State { READING, WORKING, WRITING, STREAMING, CLOSING }

    static final long LINGER = TimeUnit.SECONDS.toNanos(2);
    private static final long PAUSE_ACCEPT = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long SWEEP = TimeUnit.MILLISECONDS.toNanos(100);

    final Limits limits;
    final Function<Request, Answer> routes;
    private final ServerSocketChannel server;
    final Selector selector;
    private final SelectionKey accepting;
    final ThreadPoolExecutor workers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    final Set<Connection> links = new HashSet<>();
    final OriginRule origin;
    private final Thread thread;
    final ByteBuffer discard = ByteBuffer.allocate(4096);
    private volatile boolean closed;
    int streams;
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
                new ArrayBlockingQueue<>(limits.queued()), ServerThreads.daemon("digest-draw"));
        workers.allowCoreThreadTimeOut(true);
        thread = ServerThreads.daemon("digest-http").newThread(this::run);
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
            for (Connection link : List.copyOf(links)) {
                if (link.state == State.STREAMING) {
                    link.send(ByteBuffer.wrap(chunk));
                }
            }
        });
    }

    void submit(Runnable task) {
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
                    } else if (key.attachment() instanceof Connection link) {
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
        for (Connection link : List.copyOf(links)) {
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
                new Connection(this, channel);
            } catch (IOException e) {
                quietly(channel);
            }
        }
    }

    /** Closes the connection that has waited longest for a request head (a slow client, or an idle one). */
    private boolean evictIdle() {
        Connection oldest = null;
        for (Connection link : links) {
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
        for (Connection link : List.copyOf(links)) {
            if (ping && link.state == State.STREAMING) {
                link.send(ByteBuffer.wrap(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII)));
            }
            link.checkTime(now);
        }
    }

    static void quietly(SocketChannel channel) {
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
}

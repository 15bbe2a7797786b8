package org.digestpress.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;

/**
 * The engine's loopback socket: accepts connections on 127.0.0.1 only, reads each request on a
 * thread of its own (a slow or silent client holds nothing up for long: 10 s to send its request),
 * refuses one without the token by closing it unanswered, and answers the others with the engine's
 * own secret before handing them on. Between
 * connections it asks the idle rule whether to stop.
 */
final class Listener implements AutoCloseable {

    /** What the engine does with a request that presented the token. */
    interface Handler {
        void handle(Request request, InputStream in, OutputStream out) throws IOException;
    }

    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket server;
    private final String token;
    private final byte[] answer;
    private final Consumer<String> log;

    Listener(String token, String answer, Consumer<String> log) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.token = token;
        this.answer = ("k" + answer + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.log = log;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Accepts until {@code due} names a reason to stop (asked every second) or the socket is closed. */
    void serve(Handler handler, java.util.function.Supplier<java.util.Optional<String>> due) {
        try {
            server.setSoTimeout(1000);
        } catch (IOException e) {
            log.accept("cannot set the accept timeout: " + e.getMessage());
        }
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                var reason = due.get();
                if (reason.isPresent()) {
                    log.accept("exiting: " + reason.get());
                    return;
                }
                continue;
            } catch (IOException e) {
                return; // closed by stop
            }
            Thread thread = new Thread(() -> answer(socket, handler), "digest-engine-request");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void answer(Socket socket, Handler handler) {
        try (socket) {
            socket.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Request request = Request.read(in, token);
            socket.setSoTimeout(0);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(answer); // proves to the client that this is its engine
            out.flush();
            handler.handle(request, in, out);
            out.flush();
        } catch (Request.Refused e) {
            log.accept("refused a connection: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.accept("a request failed: " + e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}

package org.digestpress.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests written byte by byte on a plain socket, as a hostile client or a browser would send them:
 * {@code java.net.http} refuses to set {@code Host} and cannot leave a request unfinished.
 */
final class RawHttp {

    /** A whole answer: status, headers (names lower-cased) and the body as bytes. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Socket open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code GET path} with the given header lines (Connection: close added) and reads the answer. */
    static Reply get(int port, String path, List<String> headers) throws IOException {
        try (Socket socket = open(port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            headers.forEach(h -> request.append(h).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return read(socket.getInputStream(), true);
        }
    }

    static String host(int port) {
        return "Host: 127.0.0.1:" + port;
    }

    /** Reads one answer's head, and its body up to Content-Length (or to the end when {@code toEnd}). */
    static Reply read(InputStream in, boolean toEnd) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection before answering");
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = toEnd ? in.readAllBytes() : new byte[0];
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    /**
     * Whether the server has closed {@code socket} within {@code millis}, having sent nothing on it
     * (a reset counts as closed); false when it is still open then.
     */
    static boolean closedSilently(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, millis));
        try {
            int b = socket.getInputStream().read();
            if (b >= 0) {
                throw new AssertionError("the server answered an unfinished request");
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }
}

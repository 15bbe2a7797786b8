package org.digestpress.serve;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the server sends back: a whole answer, the start of an event stream, or work that takes
 * long enough (drawing a page) to run on a worker thread instead of the network thread.
 *
 * @param headers beyond the ones every answer carries
 * @param stream  an event stream: {@code body} is its first chunk, more follow with each build
 * @param later   when not null, the answer is computed by this on a worker thread
 */
record Answer(int status, String type, byte[] body, Map<String, String> headers, boolean stream,
              Supplier<Answer> later) {

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer of(int status, String type, byte[] body) {
        return new Answer(status, type, body, Map.of(), false, null);
    }

    /** A one-line plain-text answer: a sentence a person reads in the browser. */
    static Answer text(int status, String sentence) {
        return of(status, "text/plain; charset=utf-8", (sentence + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Answer stream(byte[] first) {
        return new Answer(200, "text/event-stream; charset=utf-8", first, Map.of(), true, null);
    }

    static Answer later(Supplier<Answer> work) {
        return new Answer(0, null, new byte[0], Map.of(), false, work);
    }

    Answer with(String name, String value) {
        Map<String, String> more = new TreeMap<>(headers);
        more.put(name, value);
        return new Answer(status, type, body, more, stream, later);
    }

    /**
     * The status line and headers. Every answer forbids other origins to embed or read it and
     * browsers to guess its type; the page's own policy comes from its {@link #headers}.
     */
    byte[] head(boolean keepAlive) {
        StringBuilder out = new StringBuilder(400);
        out.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        out.append("Content-Type: ").append(type).append("\r\n");
        if (!stream) {
            out.append("Content-Length: ").append(body.length).append("\r\n");
        }
        out.append("Cache-Control: no-store\r\n");
        out.append("X-Content-Type-Options: nosniff\r\n");
        out.append("Cross-Origin-Resource-Policy: same-origin\r\n");
        out.append("Referrer-Policy: no-referrer\r\n");
        out.append("X-Frame-Options: DENY\r\n");
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
        out.append(keepAlive ? "" : "Connection: close\r\n").append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}

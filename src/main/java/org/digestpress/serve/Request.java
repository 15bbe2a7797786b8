package org.digestpress.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request head as read off the wire, with only what the preview server looks at. Header names
 * are lower-cased; the target is kept raw (never decoded): it only selects one of a fixed set of
 * answers.
 */
record Request(String method, String target, String version, Map<String, List<String>> headers) {

    Request {
        headers = Map.copyOf(headers);
    }

    /**
     * Parses a head without its closing blank line ("GET / HTTP/1.1\r\nHost: ...").
     *
     * @return null when it is not an HTTP/1.x request head
     */
    static Request parse(String head) {
        String[] lines = head.split("\r?\n", -1);
        String[] first = lines[0].split(" ", -1);
        if (first.length != 3 || first[0].isEmpty() || !first[0].chars().allMatch(Request::token)
                || !first[1].startsWith("/") || !first[2].matches("HTTP/1\\.[01]")) {
            return null;
        }
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            // No folded continuation lines and no space before the colon (RFC 9112 refuses both).
            if (colon <= 0 || !line.substring(0, colon).chars().allMatch(Request::token)) {
                return null;
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return new Request(first[0], first[1], first[2], headers);
    }

    private static boolean token(int c) {
        return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** The target without its query. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /**
     * The query's parameters, percent-decoded as UTF-8; the first of a repeated name counts. A
     * malformed escape leaves that parameter out. Values only select or look up, never read a file.
     */
    Map<String, String> query() {
        int start = target.indexOf('?');
        Map<String, String> query = new TreeMap<>();
        if (start < 0) {
            return query;
        }
        for (String pair : target.substring(start + 1).split("&", 32)) {
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a broken %-escape: that parameter is missing, which its endpoint answers
            }
        }
        return query;
    }

    /** The header's value when it is given exactly once, else null. */
    String single(String name) {
        List<String> values = headers.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    boolean has(String name) {
        return headers.containsKey(name);
    }

    /** HTTP/1.1 keeps the connection unless asked not to; 1.0 closes it (keep-alive there is not worth it). */
    boolean keepAlive() {
        String connection = single("connection");
        return version.equals("HTTP/1.1")
                && (connection == null || !connection.toLowerCase(Locale.ROOT).contains("close"));
    }

    /** A body follows the head: the server reads none, so the connection closes after the answer. */
    boolean hasBody() {
        String length = single("content-length");
        return has("transfer-encoding") || (has("content-length") && !"0".equals(length));
    }
}

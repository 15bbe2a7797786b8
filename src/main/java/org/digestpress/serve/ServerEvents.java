package org.digestpress.serve;

import java.nio.charset.StandardCharsets;

/**
 * What the server says to its pages over {@code /events} (server-sent events): {@code build} with
 * the status after every build (and first on every connection, so a page that reconnects misses
 * none), {@code building} as soon as a save is seen, {@code early} when the page in view was drawn
 * before its build is done.
 */
final class ServerEvents {

    private ServerEvents() {
    }

    /** The start of a page's stream: how soon to reconnect, then the current status. */
    static byte[] opening(String statusJson) {
        return ("retry: 1000\n\n" + text("build", statusJson)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] build(String statusJson) {
        return text("build", statusJson).getBytes(StandardCharsets.UTF_8);
    }

    /** A save was seen: build number {@code next} is coming. */
    static byte[] building(int next) {
        return text("building", "{\"build\":" + next + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] early(EarlyPicture.Drawn drawn, String server) {
        return text("early", StatusJson.early(drawn, server)).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }
}

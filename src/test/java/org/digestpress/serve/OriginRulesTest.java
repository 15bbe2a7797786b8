package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding and cross-origin reads: a page on another site whose name resolves to 127.0.0.1
 * sends its own name as {@code Host}; another site's page sends its {@code Origin}. Neither may read
 * the unpublished issue. Every answer also forbids embedding and type sniffing.
 */
class OriginRulesTest {

    @TempDir
    Path temp;

    @Test
    void onlyTheServersOwnOriginIsAnswered() throws Exception {
        try (PreviewServer server = ServedFixture.serve(temp, HttpListener.Limits.DEFAULT)) {
            int port = server.address().getPort();

            RawHttp.Reply own = RawHttp.get(port, "/issue.pdf", List.of(RawHttp.host(port)));
            assertEquals(200, own.status());
            assertTrue(own.text().startsWith("%PDF"));
            assertEquals(200, RawHttp.get(port, "/issue.pdf", List.of("Host: localhost:" + port)).status());
            assertEquals(200, RawHttp.get(port, "/issue.pdf", List.of("Host: LocalHost:" + port)).status());

            for (List<String> headers : List.<List<String>>of(List.of("Host: evil.example:" + port), List.of("Host: evil.example"),
                    List.of("Host: 127.0.0.1"), List.of("Host: 127.0.0.1:" + (port + 1)), List.of("Host: 127.0.0.2:" + port),
                    List.of("Host: localhost.evil.example:" + port), List.of("Host: 127.0.0.1:" + port + ".evil.example"),
                    List.of(), List.of("Host: 127.0.0.1:" + port, "Host: evil.example:" + port))) {
                for (String path : List.of("/issue.pdf", "/status.json", "/", "/pages/1.png", "/events")) {
                    RawHttp.Reply refused = RawHttp.get(port, path, headers);
                    assertEquals(421, refused.status(), path + " " + headers);
                    assertEquals("text/plain; charset=utf-8", refused.headers().get("content-type"));
                    assertTrue(refused.text().matches("This server answers only requests for 127\\.0\\.0\\.1:\\d+ or "
                            + "localhost:\\d+\\.\n"), refused.text());
                    assertFalse(refused.text().contains("%PDF") || refused.text().contains("\"issue\""));
                    guarded(refused);
                }
            }

            for (String origin : List.of("http://evil.example", "http://127.0.0.1:" + (port + 1), "null",
                    "https://127.0.0.1:" + port)) {
                for (String path : List.of("/events", "/status.json", "/issue.pdf")) {
                    RawHttp.Reply refused = RawHttp.get(port, path, List.of(RawHttp.host(port), "Origin: " + origin));
                    assertEquals(403, refused.status(), path + " from " + origin);
                    assertEquals("This server answers only its own pages.\n", refused.text());
                    guarded(refused);
                }
            }
            assertEquals(200, RawHttp.get(port, "/status.json",
                    List.of(RawHttp.host(port), "Origin: http://127.0.0.1:" + port)).status());
            // Another site's <img> (no Origin on such requests) is refused; following a link is not.
            assertEquals(403, RawHttp.get(port, "/pages/1.png", List.of(RawHttp.host(port),
                    "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors")).status());
            assertEquals(200, RawHttp.get(port, "/", List.of(RawHttp.host(port),
                    "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate")).status());

            for (String path : List.of("/", "/status.json", "/issue.pdf", "/pages/1.png", "/nothing")) {
                guarded(RawHttp.get(port, path, List.of(RawHttp.host(port))));
            }

            // The page's script and style run under a policy that names exactly them by hash.
            RawHttp.Reply page = RawHttp.get(port, "/", List.of(RawHttp.host(port)));
            String policy = page.headers().get("content-security-policy");
            assertTrue(policy.startsWith("default-src 'none'; "), policy);
            assertTrue(policy.contains("script-src " + hash(page.text(), "<script>") + ";"), policy);
            assertTrue(policy.contains("style-src " + hash(page.text(), "<style>") + ";"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        }
    }

    /** The headers every answer carries, refusals included. */
    private static void guarded(RawHttp.Reply reply) {
        assertEquals("same-origin", reply.headers().get("cross-origin-resource-policy"));
        assertEquals("nosniff", reply.headers().get("x-content-type-options"));
        assertEquals("no-referrer", reply.headers().get("referrer-policy"));
        assertEquals("DENY", reply.headers().get("x-frame-options"));
    }

    private static String hash(String page, String open) throws Exception {
        Matcher m = Pattern.compile(Pattern.quote(open) + "(.*?)</" + open.substring(1), Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), open);
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
    }
}

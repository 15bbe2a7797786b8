package org.digestpress.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page serve answers at {@code /}: {@code page.html} with the last status written in (so the
 * first paint needs no request), sent with a Content-Security-Policy that allows its own inline
 * script and style (by hash) and pictures, requests and events from this server, nothing else; no
 * framing, no forms.
 */
final class ViewerPage {

    private final String page;
    private final String policy;

    private ViewerPage(String page) {
        this.page = page;
        this.policy = "default-src 'none'; script-src " + hash(page, "<script>") + "; style-src " + hash(page, "<style>")
                + "; img-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    static ViewerPage load() throws IOException {
        try (InputStream in = ViewerPage.class.getResourceAsStream("page.html")) {
            return new ViewerPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The page with {@code statusJson} (already escaped for a script element) as its initial status. */
    Answer answer(String statusJson) {
        return Answer.of(200, "text/html; charset=utf-8", page.replace("/*STATUS*/null", statusJson)
                .getBytes(StandardCharsets.UTF_8)).with("Content-Security-Policy", policy);
    }

    private static String hash(String page, String open) {
        int start = page.indexOf(open) + open.length();
        String text = page.substring(start, page.indexOf("</" + open.substring(1), start));
        return "'sha256-" + Base64.getEncoder().encodeToString(
                org.digestpress.assets.Sha256.of(text.getBytes(StandardCharsets.UTF_8))) + "'";
    }
}

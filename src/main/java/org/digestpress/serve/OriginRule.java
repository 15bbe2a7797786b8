package org.digestpress.serve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Only the server's own origin is answered. A page on another site whose name was made to resolve
 * to this machine ("DNS rebinding") sends its own name as {@code Host}: 421. Another site's page
 * sends its {@code Origin}, or {@code Sec-Fetch-Site} when it embeds a picture: 403, unless the
 * user followed a link (a navigation shows the answer to the user, not to that site).
 */
final class OriginRule {

    private final Set<String> hosts = new TreeSet<>();
    private final Set<String> origins = new TreeSet<>();

    /** @param literal the bound loopback address as written in a URL ("127.0.0.1" or "[::1]") */
    OriginRule(String literal, int port) {
        for (String name : List.of(literal, "localhost")) {
            hosts.add(name + ":" + port);
            origins.add("http://" + name + ":" + port);
        }
    }

    /** The refusal for a request that is not for this server's origin; null when it is. */
    Answer refusal(Request request) {
        String host = request.single("host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Answer.text(421, "This server answers only requests for " + String.join(" or ", hosts) + ".");
        }
        String origin = request.single("origin");
        if (request.has("origin") && (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT)))) {
            return Answer.text(403, "This server answers only its own pages.");
        }
        String site = request.single("sec-fetch-site");
        boolean otherSite = "cross-site".equals(site) || "same-site".equals(site);
        if (otherSite && !"navigate".equals(request.single("sec-fetch-mode"))) {
            return Answer.text(403, "This server answers only its own pages.");
        }
        return null;
    }
}

package org.digestpress.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

import org.digestpress.problem.Problems;

/**
 * {@code web: {base_url: …}} in publication.yaml: the address where the archive folder
 * ({@code digest archive}) is published. The feed and the e-mail edition make their links absolute
 * with it (a mail client and a feed reader have no folder to resolve a relative link against). The
 * publisher's own {@code web} is not used for this: it names the publisher's site, not the place of
 * the archive, and links guessed from it would lead nowhere.
 */
final class PublishedAddress {

    private PublishedAddress() {
    }

    /** The address with a {@code /} at the end, or null (and an error) when it is not an http(s) folder address. */
    static String baseUrl(String value, Path file, int line, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String refusal = "'base_url' must be the http:// or https:// address of the folder the archive is published "
                + "in, such as https://example.org/digest/, not '" + LinkAddress.printable(value) + "'.";
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.error(file, line, 0, refusal);
                return null;
            }
            String text = uri.toASCIIString();
            return text.endsWith("/") ? text : text + "/";
        } catch (URISyntaxException e) {
            problems.error(file, line, 0, refusal);
            return null;
        }
    }
}

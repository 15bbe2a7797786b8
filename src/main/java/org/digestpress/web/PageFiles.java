package org.digestpress.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The images a web page shows, copied into {@code images/} beside it so the folder stands on its
 * own. Each source file gets one name; a second file with the same name gets a number.
 */
final class PageFiles {

    private final Map<Path, String> names = new TreeMap<>();
    private final Map<String, Path> taken = new TreeMap<>();

    /**
     * @param uri a {@code file:} URI from the print edition (anything else is returned unchanged:
     *            the earlier stages allow no other kind of image)
     * @return the path to use in the page, relative to it
     */
    String add(String uri) {
        if (uri == null || !uri.startsWith("file:")) {
            return uri;
        }
        Path file = Path.of(URI.create(uri)).normalize();
        String known = names.get(file);
        if (known != null) {
            return known;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        String candidate = "images/" + name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = "images/" + n + "-" + name;
        }
        taken.put(candidate, file);
        names.put(file, candidate);
        return candidate;
    }

    /** Relative name → source file, sorted. */
    Map<String, Path> all() {
        return new TreeMap<>(taken);
    }
}

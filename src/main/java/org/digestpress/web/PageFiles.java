package org.digestpress.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The images a web page shows, copied into {@code images/} beside it so the folder stands on its
 * own. Each source file gets one name, its own with its letter case kept (only characters that
 * need escaping in an address become '-'); a second file whose name is the same, also when only the
 * letter case differs ({@code A.svg} and {@code a.svg}: one file on a case-insensitive disk or
 * server), gets a number, so two sources never land on one copy.
 */
final class PageFiles {

    private final Map<Path, String> names = new TreeMap<>();
    /** Names given, by their lower case. */
    private final Set<String> taken = new TreeSet<>();
    private final Map<String, Path> sources = new TreeMap<>();

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
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]+", "-");
        String candidate = WebEdition.IMAGES + "/" + name;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = WebEdition.IMAGES + "/" + n + "-" + name;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        sources.put(candidate, file);
        names.put(file, candidate);
        return candidate;
    }

    /** Relative name → source file, sorted. */
    Map<String, Path> all() {
        return new TreeMap<>(sources);
    }
}

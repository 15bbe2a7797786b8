package org.digestpress.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        String candidate = unique(file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]+", "-"));
        sources.put(candidate, file);
        names.put(file, candidate);
        return candidate;
    }

    /**
     * Names for files made from the copy {@code name} (resized variants, {@code images/a.jpg} →
     * {@code images/a-480w.jpg}), each unique as {@link #add} names are; the copy itself is then not
     * written: the variants stand for it.
     *
     * @param suffixes put before the extension
     */
    List<String> derive(String name, List<String> suffixes) {
        sources.remove(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > name.indexOf('/') ? name.substring(0, dot) : name;
        String extension = dot > name.indexOf('/') ? name.substring(dot) : "";
        List<String> out = new ArrayList<>();
        for (String suffix : suffixes) {
            out.add(unique(stem.substring(stem.indexOf('/') + 1) + suffix + extension));
        }
        return out;
    }

    /** A name in {@code images/} for a file the page makes itself, never one a source has or gets. */
    String reserve(String wanted) {
        return unique(wanted);
    }

    private String unique(String name) {
        String candidate = WebEdition.IMAGES + "/" + name;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = WebEdition.IMAGES + "/" + n + "-" + name;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** Relative name → source file, sorted. */
    Map<String, Path> all() {
        return new TreeMap<>(sources);
    }
}

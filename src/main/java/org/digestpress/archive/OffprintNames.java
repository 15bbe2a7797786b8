package org.digestpress.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An offprint is named after its article's own file: {@code news/01-zavod.md} in the issue folder
 * gives {@code news/01-zavod.pdf} in the issue's offprint folder. The name depends on nothing but
 * that file's place, so deleting or adding another article renames no offprint (links to them keep
 * working), and two articles cannot share a name: two files cannot share a path. The {@code NN}
 * is the author's own, part of the file name, not a running count.
 */
final class OffprintNames {

    private OffprintNames() {
    }

    /** The article's file relative to the issue folder, with {@code /}: {@code news/01-zavod.md}. */
    static String source(Path issueDir, Path article) {
        Path dir = issueDir.toAbsolutePath().normalize();
        Path file = article.toAbsolutePath().normalize();
        Path relative = file.startsWith(dir) ? dir.relativize(file) : file.getFileName();
        return relative.toString().replace('\\', '/');
    }

    /** The offprint's path inside the issue's offprint folder: {@code news/01-zavod.pdf}. */
    static String of(Path issueDir, Path article) {
        String source = source(issueDir, article);
        return (source.toLowerCase(Locale.ROOT).endsWith(".md") ? source.substring(0, source.length() - 3) : source)
                + ".pdf";
    }

    /**
     * Removes every file of the issue's folder not in {@code kept} (offprints of articles no longer
     * in the issue, images and fonts the web edition no longer uses), and the folders that leaves empty.
     */
    static void removeOthers(Path dir, List<Path> kept) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<Path> keep = new TreeSet<>(kept.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    if (!p.equals(dir) && isEmpty(p)) {
                        Files.delete(p);
                    }
                } else if (!keep.contains(p.toAbsolutePath().normalize())) {
                    Files.delete(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}

package org.digestpress.content;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.digestpress.assets.World;
import org.digestpress.problem.Problems;

/**
 * Resolves a file reference written in the content (an image, a logo, a CSV) and refuses what a
 * build must never read: the network, absolute paths and anything outside the publication.
 */
public final class References {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final Path root;

    public References(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * @param reference the text as written, relative to {@code from}'s folder
     * @param from      the file that contains the reference
     * @return the absolute file, or null after reporting why it cannot be used
     */
    public Path resolve(String reference, Path from, int line, int column, String what, Problems problems) {
        String ref = reference.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("ftp:")
                || lower.startsWith("//")) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' is on the network; a build "
                    + "reads no network. Download it into the publication folder and refer to that file.");
            return null;
        }
        if (SCHEME.matcher(ref).matches() && !ref.matches("^[a-zA-Z]:[\\\\/].*")) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' must be a file path "
                    + "relative to this file.");
            return null;
        }
        Path path;
        try {
            path = Path.of(ref);
        } catch (InvalidPathException e) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' is not a valid file path.");
            return null;
        }
        if (path.isAbsolute() || ref.startsWith("/") || ref.startsWith("\\")) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' is an absolute path; "
                    + "write it relative to this file so the publication can move.");
            return null;
        }
        Path resolved = from.toAbsolutePath().getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' points outside the "
                    + "publication folder; a build reads only files inside it.");
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            World.reading(resolved); // "absent": creating the file is a change
            problems.error(from, line, column, "The " + what + " '" + ref + "' does not exist (looked for "
                    + root.relativize(resolved).toString().replace('\\', '/') + ").");
            return null;
        }
        try {
            // A symbolic link could still lead out of the publication.
            if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                problems.error(from, line, column, "The " + what + " '" + ref + "' is a link to a file "
                        + "outside the publication folder.");
                return null;
            }
            World.reading(resolved);
        } catch (java.io.IOException e) {
            problems.error(from, line, column, "The " + what + " '" + ref + "' cannot be read: "
                    + e.getMessage() + ".");
            return null;
        }
        return resolved;
    }

    /**
     * {@link #resolve} for an image, then {@link ImageFiles#check}: a file the renderer would drop
     * or choke on is reported here, at the line that names it.
     */
    public Path image(String reference, Path from, int line, int column, String what, Problems problems) {
        Path resolved = resolve(reference, from, line, column, what, problems);
        if (resolved == null || !ImageFiles.check(resolved, reference.strip(), from, line, column, problems)) {
            return null;
        }
        return resolved;
    }
}

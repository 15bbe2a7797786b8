package org.digestpress.content;

import java.nio.file.Path;

/**
 * An image inside the publication, already checked to exist.
 *
 * @param file the absolute, normalised file
 */
public record Picture(Path file, String alt, String caption, String credit) {
}

package org.digestpress.content;

import java.nio.file.Path;

/**
 * The look that identifies the publication.
 *
 * @param primary colour as {@code #rrggbb}
 * @param accent  colour as {@code #rrggbb}
 * @param text    colour as {@code #rrggbb}
 * @param logo    an SVG or PNG inside the publication, or null
 */
public record Brand(String primary, String accent, String text, Path logo) {
}

package org.digestpress.pdf;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where on the pages each source line is printed, and back. This is the viewer's stub of the
 * contract agreed with the source-map work (issue 20): it knows nothing, so every question has no
 * answer; the real class, which records every block's source file and line through layout, replaces
 * it when the branches are merged.
 */
public final class SourceMap {

    /** A place in a source file: line and column are 1-based (0 when unknown). */
    public record Point(Path file, int line, int column) {
    }

    private static final SourceMap EMPTY = new SourceMap();

    private SourceMap() {
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    /** page is 1-based; fx, fy are fractions of the page's width and height from its top-left corner */
    public Optional<Point> at(int page, double fx, double fy) {
        return Optional.empty();
    }

    /** the first page (1-based) on which something from that source line is printed */
    public OptionalInt pageOf(Path file, int line) {
        return OptionalInt.empty();
    }
}

package org.digestpress.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Where each printed block (paragraph, heading, list item, table and row, figure, box, chart)
 * comes from: its source file, line and column, and the rectangles it covers on the pages. Made
 * after the last layout pass from the block boxes of the elements the Markdown stage marked (see
 * {@link SourceBlocks}); a front end asks it which source line is under a point of a page, or on
 * which page a source line is printed.
 */
public final class SourceMap {

    /** A place in a source file: 1-based line and column (column 0 when unknown). */
    public record Point(Path file, int line, int column) {
    }

    /**
     * One block on one page, as fractions of the page's width and height from its top-left
     * corner; a block split over pages has one of these on each.
     *
     * @param page    1-based index of the PDF page
     * @param text    the key of the text it comes from (an article's key, "inside", "back", …)
     * @param endLine the last source line of the block
     */
    public record Block(int page, double left, double top, double right, double bottom, String text, int line, int column,
                 int endLine) {

        boolean contains(double fx, double fy) {
            return fx >= left && fx <= right && fy >= top && fy <= bottom;
        }

        double area() {
            return (right - left) * (bottom - top);
        }
    }

    private static final SourceMap EMPTY = new SourceMap(List.of(), Map.of());

    private final List<Block> blocks;
    /** Text key to its file; keys without a file are answered by nothing. */
    private final Map<String, Path> files;

    private SourceMap(List<Block> blocks, Map<String, Path> files) {
        this.blocks = List.copyOf(blocks);
        this.files = new TreeMap<>(files);
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    static SourceMap of(List<Block> blocks) {
        return new SourceMap(blocks, Map.of());
    }

    /**
     * A map as {@link #blocks()} and {@link #files()} gave it: {@code digest serve} keeps the last
     * build's map with its pages, so that a click on them finds its source after a restart too.
     */
    public static SourceMap of(List<Block> blocks, Map<String, Path> files) {
        return new SourceMap(blocks, files);
    }

    /**
     * The same blocks with the files their text keys stand for (the layout knows keys only; the
     * build knows which file each article, introduction or YAML text was read from).
     */
    public SourceMap withFiles(Map<String, Path> files) {
        return new SourceMap(blocks, files);
    }

    /** The rectangles, in the order the layout gave them. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Each text key with the file it was read from. */
    public Map<String, Path> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** How many block rectangles the map holds (a block split over two pages counts twice). */
    public int size() {
        return blocks.size();
    }

    /** page is 1-based; fx, fy are fractions of the page's width and height from its top-left corner */
    public Optional<Point> at(int page, double fx, double fy) {
        // The innermost block under the point: a list item rather than its list, a row rather than its table.
        return blocks.stream()
                .filter(b -> b.page() == page && b.contains(fx, fy) && files.containsKey(b.text()))
                .min(Comparator.comparingDouble(Block::area))
                .map(b -> new Point(files.get(b.text()), b.line(), b.column()));
    }

    /** the first page (1-based) on which something from that source line is printed */
    public OptionalInt pageOf(Path file, int line) {
        List<String> texts = new ArrayList<>();
        Path wanted = comparable(file);
        files.forEach((text, path) -> {
            if (comparable(path).equals(wanted)) {
                texts.add(text);
            }
        });
        // Of the blocks spanning the line, the innermost (the latest start) decides: a line inside a
        // list item that runs over a page is printed where the item is, not where its list starts.
        int start = blocks.stream()
                .filter(b -> texts.contains(b.text()) && b.line() <= line && line <= b.endLine())
                .mapToInt(Block::line).max().orElse(-1);
        return blocks.stream()
                .filter(b -> texts.contains(b.text()) && b.line() == start && line <= b.endLine())
                .mapToInt(Block::page).min();
    }

    /** A file as given on a command line or by an editor: relative, with links, or by its real name. */
    private static Path comparable(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (java.io.IOException | SecurityException e) {
            return absolute;
        }
    }
}

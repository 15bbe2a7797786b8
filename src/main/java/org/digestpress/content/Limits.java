package org.digestpress.content;

/**
 * The sizes a build accepts, in one place. Each is far above what a real digest uses and low
 * enough that a build past it would take minutes or gigabytes (a 1 MB paragraph took openhtmltopdf
 * 47 s to break into lines, a 20000×20000 PNG 3.7 GB); past a limit the build stops with an error
 * at the file and line instead. The README's "Limits" section lists the same numbers.
 */
public final class Limits {

    /** An article, issue.yaml, publication.yaml, an intro or a chart CSV file. */
    public static final long MAX_TEXT_FILE_BYTES = 2L * 1024 * 1024;
    /** One paragraph, list item, table cell or heading, in characters. */
    public static final int MAX_PARAGRAPH_CHARS = 20_000;
    /** One YAML value (a title, a lead, inside_cover's Markdown), in characters. */
    public static final int MAX_YAML_VALUE_CHARS = 100_000;
    /** Lists and mappings inside each other in one YAML text (SnakeYAML recurses per level). */
    public static final int MAX_YAML_DEPTH = 20;
    /** Data rows (categories) of one chart. */
    public static final int MAX_CHART_ROWS = 1_000;
    /** Value columns (series) of one chart. */
    public static final int MAX_CHART_SERIES = 20;
    /** The largest magnitude of a chart value: its axis arithmetic must stay finite. */
    public static final double MAX_CHART_VALUE = 1e15;
    /** Pixels (width × height) of one PNG, JPEG or GIF image: 25 million is a 6000×4000 camera photo and a bit. */
    public static final long MAX_IMAGE_PIXELS = 25_000_000L;
    /** One image file, raster or SVG. */
    public static final long MAX_IMAGE_FILE_BYTES = 20L * 1024 * 1024;

    private Limits() {
    }

    /** "2 MB", "3.1 MB", "640 KB": sizes as the messages print them. */
    public static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, bytes / 1024) + " KB";
        }
        String mb = java.math.BigDecimal.valueOf(bytes / 1048576.0).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return mb + " MB";
    }
}

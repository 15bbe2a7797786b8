package org.digestpress.markdown;

import java.nio.file.Path;

/**
 * A {@code ```chart} fenced block found in an article, handed on unparsed to the chart stage.
 *
 * @param key       unique key of the block in the issue; the HTML placeholder
 *                  {@code <object type="application/x-digestpress-chart" data-chart="KEY">} refers to it
 * @param yaml      the block's text (YAML)
 * @param file      the article the block is in; CSV paths are relative to its folder
 * @param firstLine the 1-based line in {@code file} of the block's first YAML line (after the fence)
 * @param language  the article's language, for number formats
 */
public record ChartBlock(String key, String yaml, Path file, int firstLine, String language) {
}

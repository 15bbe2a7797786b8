package org.digestpress.chart;

import java.awt.Color;
import java.nio.file.Path;

import org.digestpress.markdown.ChartBlock;

/** Chart blocks as the markdown stage would hand them over, from one test article. */
final class ChartBlocks {

    /** The article; it need not exist, only its folder (which holds data/*.csv) matters. */
    static final Path ARTICLE = Path.of("src/test/resources/chart/news/article.md");
    /** The block's first YAML line in the article, so YAML line L is article line FIRST_LINE + L. */
    static final int FIRST_LINE = 12;

    static final ChartStyle STYLE = ChartStyle.fromBrand("PT Sans",
            new Color(0x1F4E79), new Color(0xC8553D), new Color(0x222222));

    private ChartBlocks() {
    }

    static ChartBlock block(String key, String language, String yaml) {
        return new ChartBlock(key, yaml, ARTICLE, FIRST_LINE, language);
    }
}

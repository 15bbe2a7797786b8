package org.digestpress.chart;

import java.nio.file.Path;

import org.digestpress.markdown.ChartBlock;
import org.digestpress.problem.Problems;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reports the problems of one chart block at the article line of the YAML node they concern, and
 * remembers whether any of them was an error. The readers of a block share one, so a later check
 * can tell that an earlier one already failed and stop before it reports a consequence as a cause.
 */
final class ChartBlockProblems {

    private final ChartBlock block;
    private final Problems problems;
    private boolean failed;

    ChartBlockProblems(ChartBlock block, Problems problems) {
        this.block = block;
        this.problems = problems;
    }

    /** Whether any error has been reported for this block so far. */
    boolean failed() {
        return failed;
    }

    /** Marks the block as failed for a problem reported elsewhere (such as the YAML depth check). */
    void fail() {
        failed = true;
    }

    /** The article line of {@code node}: YAML marks are 0-based and relative to the block. */
    int line(Node node) {
        return block.firstLine() + node.getStartMark().map(Mark::getLine).orElse(0);
    }

    void error(Node node, String message) {
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        failed = true;
        problems.error(block.file(), line(node), column, message);
    }

    void error(int line, String message) {
        failed = true;
        problems.error(block.file(), line, 0, message);
    }

    void error(int line, int column, String message) {
        failed = true;
        problems.error(block.file(), line, column, message);
    }

    /** An error at a line of another file, a CSV file the block names. */
    void error(Path file, int line, String message) {
        failed = true;
        problems.error(file, line, 0, message);
    }

    void errorAtBlock(String message) {
        error(block.firstLine(), message);
    }

    void warning(Node node, String message) {
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        problems.warning(block.file(), line(node), column, message);
    }
}

package org.digestpress.markdown;

import java.util.Set;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Recognises thematic breaks ({@code ***}, {@code - - -}, {@code ___}) in place of flexmark's own
 * factory, which tests each line with {@code ((?:-[ \t]*){3,})}: java.util.regex recurses once per
 * repetition of such a group, so a separator of 2000 dashes pasted from an e-mail, or any line that
 * starts with a long run of {@code *}, {@code _} or {@code - }, overflowed the stack. The same rule
 * is checked here with a loop; the block itself is still flexmark's.
 */
final class ThematicBreaks implements CustomBlockParserFactory {

    /**
     * Same rule as flexmark's pattern: from the first character (the caller has skipped the
     * indentation), 3 or more of one of {@code * - _}, with spaces and tabs between and after.
     */
    static boolean isThematicBreak(CharSequence line) {
        if (line.length() == 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            return false;
        }
        char marker = 0;
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if (marker == 0 && (c == '*' || c == '-' || c == '_')) {
                marker = c;
            }
            if (c != marker) {
                return false;
            }
            count++;
        }
        return count >= 3;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return Set.of(BlockQuoteParser.Factory.class, HeadingParser.Factory.class, FencedCodeBlockParser.Factory.class,
                HtmlBlockParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        boolean relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
        return new AbstractBlockParserFactory(options) {
            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser() && !relaxedStart) {
                    return BlockStart.none();
                }
                BasedSequence line = state.getLine();
                if (!isThematicBreak(line.subSequence(state.getNextNonSpaceIndex(), line.length()))) {
                    return BlockStart.none();
                }
                return BlockStart.of(new ThematicBreakParser(line.subSequence(state.getIndex()))).atIndex(line.length());
            }
        };
    }
}

package org.digestpress.markdown;

import java.util.ArrayDeque;
import java.util.Deque;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * How deep Markdown may nest. Every later stage walks the tree by recursion (flexmark's HTML
 * renderer, the XML serialiser, the typography, the PDF layout), and 1000 nested {@code >} or a
 * line of 3000 {@code - } markers overflowed the stack. Nothing a digest prints nests anywhere near
 * this deep, so deeper text is refused at its line instead of being handed on.
 */
final class Nesting {

    /**
     * Boxes, block quotes and list items inside each other. Each level narrows the text: at 17
     * quotes the column is gone and openhtmltopdf drops the text without a word; at 10 it is still
     * a few centimetres wide.
     */
    static final int MAX_BLOCK_LEVELS = 10;
    /** Emphasis, links and images inside each other. */
    static final int MAX_INLINE_LEVELS = 20;
    /**
     * Container markers ({@code >}, {@code -}, {@code 1.}) at the start of one line that are looked
     * at before parsing: a cheap guard that keeps a megabyte of {@code >} from ever reaching the
     * parser; the exact levels are counted on the parsed tree.
     */
    static final int MAX_MARKERS_ON_A_LINE = 200;

    static final String TOO_MANY_BLOCK_LEVELS = "Boxes, block quotes and lists are nested more than "
            + MAX_BLOCK_LEVELS + " levels deep here; a digest cannot print that. Take out the extra '>', list "
            + "markers or ':::' boxes (a line of '- - -' or '> > >' pasted from an e-mail?).";

    /** Where the text nests too deep, and how. */
    record TooDeep(int textLine, String sentence) {
    }

    private Nesting() {
    }

    /** The first line (0-based, of {@code lines}) that opens more containers than the guard allows, or -1. */
    static int lineWithTooManyMarkers(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (markersAtStart(lines[i]) > MAX_MARKERS_ON_A_LINE) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Block quote and list item markers that open containers at the start of the line (an upper
     * bound), counted up to just past the guard. Linear in the line: the thematic-break test of
     * the rest of the line is made only where the rest holds nothing but that marker and blanks.
     */
    static int markersAtStart(String line) {
        int lastNotDash = lastOtherThan(line, '-');
        int lastNotStar = lastOtherThan(line, '*');
        int count = 0;
        int i = 0;
        int n = line.length();
        while (i < n && count <= MAX_MARKERS_ON_A_LINE) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = line.charAt(i);
            if (c == '>') {
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == n || line.charAt(i + 1) == ' '
                    || line.charAt(i + 1) == '\t')) {
                int lastOther = c == '-' ? lastNotDash : c == '*' ? lastNotStar : n;
                if (lastOther < i && ThematicBreaks.isThematicBreak(line.substring(i))) {
                    break;
                }
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && j - i < 9 && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
                    j++;
                }
                if (j < n && (line.charAt(j) == '.' || line.charAt(j) == ')')
                        && (j + 1 == n || line.charAt(j + 1) == ' ' || line.charAt(j + 1) == '\t')) {
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            count++;
        }
        return count;
    }

    /** The index of the last character that is neither {@code marker} nor a blank, or -1. */
    private static int lastOtherThan(String line, char marker) {
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (c != marker && c != ' ' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first node nested deeper than the limits, walked without recursion (the tree may be as
     * deep as the text allows). Boxes are placeholder paragraphs here ({@link BlockPreprocessor}):
     * they open and close in document order, which is the order of this walk.
     */
    static TooDeep tooDeep(Node document) {
        record Frame(Node node, int blocks, int inlines) {
        }
        Deque<Frame> todo = new ArrayDeque<>();
        todo.push(new Frame(document, 0, 0));
        int boxes = 0;
        while (!todo.isEmpty()) {
            Frame frame = todo.pop();
            Node node = frame.node;
            if (node instanceof Paragraph) {
                String text = node.getChars().trim().toString();
                if (text.startsWith(BlockPreprocessor.TOKEN_PREFIX + "OPEN")) {
                    boxes++;
                } else if (text.startsWith(BlockPreprocessor.TOKEN_PREFIX + "CLOSE")) {
                    boxes--;
                }
            }
            int blocks = frame.blocks + (node instanceof BlockQuote || node instanceof ListItem ? 1 : 0);
            int inlines = frame.inlines + (node instanceof Block || !node.hasChildren() ? 0 : 1);
            if (blocks + boxes > MAX_BLOCK_LEVELS) {
                return new TooDeep(node.getStartLineNumber(), TOO_MANY_BLOCK_LEVELS);
            }
            if (inlines > MAX_INLINE_LEVELS) {
                return new TooDeep(node.getStartLineNumber(), "Emphasis, links and images are nested more than "
                        + MAX_INLINE_LEVELS + " levels deep here; a digest cannot print that. Take out the extra "
                        + "'*', '_' or brackets.");
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                todo.push(new Frame(child, blocks, inlines));
            }
        }
        return null;
    }
}

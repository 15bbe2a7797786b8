package org.digestpress.markdown;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The source line of each link address, by the address as the HTML carries it (entities and
 * escapes decoded). A search of the source for the decoded address misses one written with
 * character references ({@code &#106;avascript:}) and fell back to the text's first line; the
 * parse tree knows where each link really stands. A reference link ({@code [x][r]}) is placed at
 * its definition, where the address is written.
 */
final class LinkLines {

    private final Map<String, ArrayDeque<Integer>> lines = new HashMap<>();

    private LinkLines() {
    }

    /** @param sourceLine the file line of each line of the parsed text (see {@link BlockPreprocessor}) */
    static LinkLines of(Node document, int[] sourceLine) {
        LinkLines found = new LinkLines();
        for (Node node : document.getDescendants()) {
            BasedSequence url = node instanceof Link link ? link.getUrl()
                    : node instanceof Reference reference ? reference.getUrl()
                    : node instanceof AutoLink auto ? auto.getUrl() : null;
            if (url == null || sourceLine.length == 0) {
                continue;
            }
            int index = Math.max(0, Math.min(node.getStartLineNumber(), sourceLine.length - 1));
            found.lines.computeIfAbsent(url.unescape(), k -> new ArrayDeque<>()).add(sourceLine[index]);
        }
        return found;
    }

    /** The line of the next not yet asked-for link with this address, or {@code fallback}. */
    int next(String href, int fallback) {
        ArrayDeque<Integer> queue = lines.get(href);
        if (queue == null || queue.isEmpty()) {
            return fallback;
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }
}

package org.digestpress.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Marks every printed block of a text (paragraph, heading, list and list item, quote, code,
 * table and row, footnote) with the file line and column it starts at and the line it ends at,
 * so that the layout can tell where each comes from (the pdf stage's source map). The lines are
 * the file's: the preprocessed text's lines are mapped back through {@link BlockPreprocessor}'s
 * table, so front matter, boxes and chart blocks above count.
 */
public final class SourceLines extends IndependentAttributeProviderFactory {

    /**
     * The attribute that carries a block's source place through the XHTML, as
     * {@code TEXT:LINE:COLUMN:ENDLINE}. It is not drawn: the PDF's /ID hashes the document
     * without it, and the web edition leaves it out.
     */
    public static final String ATTRIBUTE = "data-src";

    private static final java.util.regex.Pattern IN_MARKUP = java.util.regex.Pattern.compile(" " + ATTRIBUTE + "=\"[^\"]*\"");

    private final String text;
    private final String markdown;
    private final int[] sourceLine;

    /**
     * @param text       the key of the text (the article key, "inside", …), the map's name for its file
     * @param markdown   the preprocessed text flexmark parses
     * @param sourceLine the file line of each of its lines
     */
    SourceLines(String text, String markdown, int[] sourceLine) {
        this.text = text;
        this.markdown = markdown;
        this.sourceLine = sourceLine;
    }

    @Override
    public AttributeProvider apply(LinkResolverContext context) {
        return (node, part, attributes) -> {
            if (marks(node, part)) {
                attributes.replaceValue(ATTRIBUTE, value(node));
            }
        };
    }

    /**
     * Footnote definitions are rendered after the text, outside any node's attributes: each
     * {@code <li id="fn-N">} gets the mark of its definition, which the note keeps when it moves
     * to its call.
     */
    void markNotes(Node document, org.w3c.dom.Document dom) {
        var items = dom.getElementsByTagName("li");
        java.util.Map<String, org.w3c.dom.Element> byId = new java.util.HashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            org.w3c.dom.Element li = (org.w3c.dom.Element) items.item(i);
            if (li.getAttribute("id").startsWith("fn-")) {
                byId.put(li.getAttribute("id"), li);
            }
        }
        if (byId.isEmpty()) {
            return;
        }
        for (Node node : document.getDescendants()) {
            if (node instanceof FootnoteBlock note) {
                org.w3c.dom.Element li = byId.get("fn-" + note.getFootnoteOrdinal());
                if (li != null) {
                    li.setAttribute(ATTRIBUTE, value(note));
                }
            }
        }
    }

    private static final java.util.regex.Pattern FIRST_TAG = java.util.regex.Pattern.compile(
            "^(\\s*<[A-Za-z][A-Za-z0-9]*)(?=[\\s/>])");

    /**
     * Raw HTML written in the text (a table by hand) has no node per element: its first element
     * carries the mark of the whole block, so a click on any of its rows leads to its first line.
     * The sanitiser has dropped any data- attribute the author wrote, so the mark is the only one.
     */
    String markFirstTag(String sanitized, Node block) {
        java.util.regex.Matcher m = FIRST_TAG.matcher(sanitized);
        if (!m.find()) {
            return sanitized;
        }
        return m.group(1) + " " + ATTRIBUTE + "=\"" + HtmlSanitizer.text(value(block)) + "\"" + sanitized.substring(m.end());
    }

    private boolean marks(Node node, AttributablePart part) {
        if (node instanceof ListItem) {
            return part == CoreNodeRenderer.LOOSE_LIST_ITEM || part == CoreNodeRenderer.TIGHT_LIST_ITEM
                    || part == AttributablePart.NODE;
        }
        if (part != AttributablePart.NODE) {
            return false;
        }
        if (node instanceof Paragraph) {
            // the preprocessor's placeholders for boxes and charts are replaced by their markup,
            // which carries its own mark
            return !node.getChars().toString().strip().startsWith(BlockPreprocessor.TOKEN_PREFIX);
        }
        return node instanceof Heading || node instanceof ListBlock || node instanceof BlockQuote
                || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof CodeBlock
                || node instanceof TableBlock || node instanceof TableRow;
    }

    private String value(Node node) {
        int start = node.getStartOffset();
        int lineStart = markdown.lastIndexOf('\n', Math.max(0, Math.min(start, markdown.length()) - 1)) + 1;
        return value(text, fileLine(node.getStartLineNumber()), start - lineStart + 1,
                fileLine(node.getEndLineNumber()));
    }

    private int fileLine(int textLine) {
        if (sourceLine.length == 0) {
            return 0;
        }
        return sourceLine[Math.max(0, Math.min(textLine, sourceLine.length - 1))];
    }

    /** The mark of a box or chart the preprocessor took out of the text, at its opening line. */
    static String attribute(String text, int line) {
        return " " + ATTRIBUTE + "=\"" + HtmlSanitizer.text(value(text, line, 1, line)) + "\"";
    }

    /** The attribute's value for a block of text {@code text} from {@code line} to {@code endLine}. */
    public static String value(String text, int line, int column, int endLine) {
        return text + ":" + line + ":" + Math.max(0, column) + ":" + Math.max(line, endLine);
    }

    /** The markup without the source attributes, as a document without them would be. */
    public static String strip(String markup) {
        return markup.indexOf(ATTRIBUTE) < 0 ? markup : IN_MARKUP.matcher(markup).replaceAll("");
    }

    /** Removes the source attributes from an element and everything in it. */
    public static void strip(org.w3c.dom.Element root) {
        root.removeAttribute(ATTRIBUTE);
        var marked = root.getElementsByTagName("*");
        for (int i = 0; i < marked.getLength(); i++) {
            ((org.w3c.dom.Element) marked.item(i)).removeAttribute(ATTRIBUTE);
        }
    }
}

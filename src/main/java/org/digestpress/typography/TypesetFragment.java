package org.digestpress.typography;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A fragment as the typography stage left it: the XHTML the print edition lays out, and the tree
 * it was written from, so that a later stage (the web edition) need not parse the text again. The
 * tree is kept with the text (by the resident engine, across builds) and may be read by several
 * builds: it is never changed; a stage that changes a tree works on a {@link #copy()}.
 *
 * @param xhtml the typeset fragment
 * @param tree  the wrapper element whose children the fragment is, or null when there is no tree
 *              (an empty text, or one that failed)
 */
public record TypesetFragment(String xhtml, Element tree) {

    /** A text without a tree: whoever needs one parses {@code xhtml}. */
    public static TypesetFragment textOnly(String xhtml) {
        return new TypesetFragment(xhtml, null);
    }

    /**
     * The tree for a reader of {@code xhtml}, as its own deep copy in a document of its own, or
     * null when this fragment has no tree or is not of that text (then the reader parses it).
     */
    public Element copyFor(String text) {
        if (tree == null || !xhtml.equals(text)) {
            return null;
        }
        // the parser's tree expands parts of itself when first read: copies are made one at a time
        synchronized (tree) {
            return ((Document) tree.getOwnerDocument().cloneNode(true)).getDocumentElement();
        }
    }
}

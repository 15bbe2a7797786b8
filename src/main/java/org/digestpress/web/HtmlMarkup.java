package org.digestpress.web;

import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Reads the XHTML fragments of the earlier stages and writes them back in HTML syntax: void
 * elements without a slash, every other element with its end tag ({@code <p/>} means an open
 * paragraph to an HTML parser).
 */
public final class HtmlMarkup {

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private HtmlMarkup() {
    }

    /** The fragment inside a wrapper element of a new document. */
    static Element parse(String xhtml) {
        try {
            return org.digestpress.typography.XhtmlFragment.parse(xhtml);
        } catch (IllegalArgumentException e) {
            // The fragments come from our own stages, which only produce well-formed XHTML.
            throw new IllegalStateException("an earlier stage produced XHTML that does not parse: " + e.getMessage(), e);
        }
    }

    /** The children of {@code root} in HTML syntax. */
    static String children(Element root) {
        StringBuilder out = new StringBuilder();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            write(child, out);
        }
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                String name = element.getTagName();
                out.append('<').append(name);
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attr = (Attr) attributes.item(i);
                    out.append(' ').append(attr.getName()).append("=\"");
                    escape(attr.getValue(), true, out);
                    out.append('"');
                }
                out.append('>');
                if (VOID.contains(name)) {
                    return;
                }
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out);
                }
                out.append("</").append(name).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(((Text) node).getData(), false, out);
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            default -> {
                // processing instructions mean nothing to a browser; nothing else occurs in a fragment
            }
        }
    }

    /** {@code s} escaped for HTML text (or, with {@code attribute}, a quoted attribute), soft hyphens left out. */
    public static void escape(String s, boolean attribute, StringBuilder out) {
        // soft hyphens are the PDF's line breaking; the browser hyphenates by itself
        org.digestpress.xml.XmlText.escape(s.replace("\u00ad", ""), attribute, out);
    }
}

package org.digestpress.email;

import java.util.Map;

import org.digestpress.typography.XhtmlFragment;
import org.digestpress.web.HtmlMarkup;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A typeset XHTML fragment of the issue (the back page) in the two forms a newsletter needs: HTML
 * whose every element carries its own style attribute (mail clients drop or ignore a stylesheet,
 * and the defaults of their own differ), and plain text. Only what a text of the Markdown stage
 * holds is kept as markup: paragraphs, headings (as one level below the letter's title), lists,
 * emphasis and links; anything else gives its text. Soft hyphens, the PDF's line breaking, are dropped.
 */
final class MailFragment {

    /** The inline style of each element kept, by name ({@code h} for every heading). */
    private final Map<String, String> styles;

    MailFragment(String text, String link, String font) {
        String body = "font-family:" + font + ";color:" + text + ";";
        styles = Map.of(
                "p", "margin:0 0 10px;font-size:14px;line-height:1.5;" + body,
                "h", "margin:0 0 8px;font-size:16px;line-height:1.3;font-weight:bold;" + body,
                "ul", "margin:0 0 10px;padding:0 0 0 20px;font-size:14px;line-height:1.5;" + body,
                "ol", "margin:0 0 10px;padding:0 0 0 20px;font-size:14px;line-height:1.5;" + body,
                "li", "margin:0 0 4px;",
                "a", "color:" + link + ";text-decoration:underline;");
    }

    /** The fragment as inline-styled HTML. */
    String html(String xhtml) {
        StringBuilder out = new StringBuilder();
        if (xhtml != null && !xhtml.isBlank()) {
            children(XhtmlFragment.parse(xhtml), out);
        }
        return out.toString();
    }

    private void children(Node parent, StringBuilder out) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                escape(child.getNodeValue(), out);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                element((Element) child, out);
            }
        }
    }

    private void element(Element e, StringBuilder out) {
        String name = e.getTagName().toLowerCase(java.util.Locale.ROOT);
        switch (name) {
            case "p", "ul", "ol", "li" -> wrap(name, styles.get(name), null, e, out);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> wrap("h2", styles.get("h"), null, e, out);
            case "strong", "b", "em", "i", "sup", "sub" -> wrap(name, null, null, e, out);
            case "br" -> out.append("<br>");
            case "a" -> {
                String href = e.getAttribute("href");
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                    wrap("a", styles.get("a"), href, e, out);
                } else {
                    children(e, out); // an anchor into the PDF means nothing in a letter
                }
            }
            default -> children(e, out);
        }
    }

    private void wrap(String name, String style, String href, Element e, StringBuilder out) {
        out.append('<').append(name);
        if (href != null) {
            out.append(" href=\"");
            escape(href, out);
            out.append('"');
        }
        if (style != null) {
            out.append(" style=\"").append(style).append('"');
        }
        out.append('>');
        children(e, out);
        out.append("</").append(name).append('>');
    }

    /** The fragment as plain text: paragraphs apart by an empty line, a link's address after its text. */
    static String text(String xhtml) {
        StringBuilder out = new StringBuilder();
        if (xhtml != null && !xhtml.isBlank()) {
            text(XhtmlFragment.parse(xhtml), out);
        }
        return out.toString().replaceAll("(?m)^[ \\t]+|[ \\t]+$", "").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void text(Node parent, StringBuilder out) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(child.getNodeValue().replace("\u00ad", "").replace('\n', ' '));
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                Element e = (Element) child;
                String name = e.getTagName().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "br" -> out.append('\n');
                    case "li" -> {
                        out.append("- ");
                        text(e, out);
                        out.append('\n');
                    }
                    case "a" -> {
                        int start = out.length();
                        text(e, out);
                        String shown = out.substring(start).strip();
                        String href = e.getAttribute("href");
                        String address = href.startsWith("mailto:") ? href.substring(7) : href;
                        if ((href.startsWith("http") || href.startsWith("mailto:")) && !address.equals(shown)
                                && !address.replaceFirst("^https?://", "").replaceFirst("/$", "").equals(shown)) {
                            out.append(" <").append(address).append('>');
                        }
                    }
                    case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div" -> {
                        text(e, out);
                        out.append("\n\n");
                    }
                    default -> text(e, out);
                }
            }
        }
    }

    private static void escape(String s, StringBuilder out) {
        HtmlMarkup.escape(s, true, out);
    }
}

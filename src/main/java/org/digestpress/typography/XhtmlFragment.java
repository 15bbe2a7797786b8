package org.digestpress.typography;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.w3c.dom.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies a {@link Typographer} to the text nodes of an XHTML fragment. The fragment is parsed
 * with the JDK's XML parser (wrapped in one root element, since a fragment may have several),
 * its text is grouped into runs, one per block, so rules see across inline elements, and the tree
 * is written back by hand so that output escaping is exactly what the pdf stage expects.
 */
public final class XhtmlFragment {
    private static final String ROOT = "digestpress-fragment";

    /** Elements whose content is not prose: no rules, no hyphens, left byte for byte. */
    private static final Set<String> VERBATIM = Set.of("code", "pre", "kbd", "samp", "script", "style", "svg", "math", "var");
    /** Elements whose text gets the rules but no soft hyphens: short lines set ragged or read as a unit. */
    private static final Set<String> UNHYPHENATED = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "a");
    private static final String NO_HYPHENS_CLASS = "nohyphens";
    /** Elements that end one run of text and start another; anything else is inline. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "bookmarks", "bookmark", "title");

    /**
     * One configured parser per thread: looking the factory up and configuring it cost more than
     * parsing a typical article, and parsers are reusable but not thread-safe.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(XhtmlFragment::newParser);

    private final List<Text> nodes = new ArrayList<>();
    private final List<Boolean> hyphenated = new ArrayList<>();

    private XhtmlFragment() {
    }

    static TypesetFragment typeset(String xhtml, Typographer typographer) {
        Element root = parse(xhtml);
        new XhtmlFragment().block(root, new Context(typographer, true));
        StringBuilder out = new StringBuilder(xhtml.length() + xhtml.length() / 8);
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            write(child, out);
        }
        return new TypesetFragment(out.toString(), root);
    }

    /** The language and hyphenation in force for a subtree. */
    private record Context(Typographer typographer, boolean hyphenate) {
        Context enter(Element element, String name) {
            Typographer t = typographer;
            String lang = element.hasAttribute("lang") ? element.getAttribute("lang") : element.getAttribute("xml:lang");
            if (!lang.isEmpty()) {
                t = Typographer.forLanguage(lang);
            }
            boolean h = hyphenate && !UNHYPHENATED.contains(name) && !hasClass(element, NO_HYPHENS_CLASS);
            return new Context(t, h);
        }
    }

    /** Typesets the element as a block: its inline content is one run, each nested block its own. */
    private void block(Element element, Context context) {
        flush(inline(element, context, new TextRun()), context);
    }

    /** Adds the inline content to the run; returns the run in use at the end, as a nested block starts a new one. */
    private TextRun inline(Element parent, Context context, TextRun run) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                run.append(text.getData(), nodes.size());
                nodes.add(text);
                hyphenated.add(context.hyphenate());
            } else if (child instanceof Element element) {
                String name = localName(element);
                if (VERBATIM.contains(name)) {
                    run.appendPlaceholder(TextRun.OBJECT);
                    continue;
                }
                Context inner = context.enter(element, name);
                if (BLOCKS.contains(name)) {
                    flush(run, context);
                    block(element, inner);
                    run = new TextRun();
                } else if (!inner.typographer().language().equals(context.typographer().language())) {
                    // another language inside the run: its own rules, and to this run a word-like object
                    run.appendPlaceholder(TextRun.OBJECT);
                    block(element, inner);
                } else if (name.equals("br")) {
                    run.appendPlaceholder(TextRun.LINE_BREAK);
                } else if (!element.hasChildNodes()) {
                    run.appendPlaceholder(TextRun.OBJECT);
                } else {
                    run = inline(element, inner, run);
                }
            }
        }
        return run;
    }

    private void flush(TextRun run, Context context) {
        if (run.length() == 0) {
            return;
        }
        context.typographer().typeset(run, owner -> owner >= 0 && hyphenated.get(owner));
        run.textsByOwner().forEach((owner, text) -> nodes.get(owner).setData(text));
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static boolean hasClass(Element element, String cls) {
        for (String token : element.getAttribute("class").split("\\s+")) {
            if (token.equals(cls)) {
                return true;
            }
        }
        return false;
    }

    private static DocumentBuilder newParser() {
        return org.digestpress.xml.SecureXml.dom(false, true, true);
    }

    /**
     * The fragment inside a wrapper element of a new document, parsed without DTDs or entities,
     * by one parser kept per thread; other stages that read the typeset fragments (the web
     * edition) use it too.
     *
     * @throws IllegalArgumentException naming the line and column where it is not well-formed
     */
    public static Element parse(String xhtml) {
        try {
            DocumentBuilder builder = PARSER.get();
            builder.reset();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader("<" + ROOT + ">" + xhtml + "</" + ROOT + ">")));
            return document.getDocumentElement();
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("not well-formed XHTML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("cannot parse XHTML fragment: " + e.getMessage(), e);
        }
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                out.append('<').append(element.getTagName());
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attr = (Attr) attributes.item(i);
                    out.append(' ').append(attr.getName()).append("=\"");
                    escape(attr.getValue(), true, out);
                    out.append('"');
                }
                if (!element.hasChildNodes()) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out);
                }
                out.append("</").append(element.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(((Text) node).getData(), false, out);
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                ProcessingInstruction pi = (ProcessingInstruction) node;
                out.append("<?").append(pi.getTarget());
                if (!pi.getData().isEmpty()) {
                    out.append(' ').append(pi.getData());
                }
                out.append("?>");
            }
            default -> {
                // entity references cannot occur without a DTD; nothing else can be inside an element
            }
        }
    }

    private static void escape(String s, boolean attribute, StringBuilder out) {
        // the parser normalised line feeds and tabs in attribute values; kept if they came as references
        org.digestpress.xml.XmlText.escape(s, attribute, out);
    }
}

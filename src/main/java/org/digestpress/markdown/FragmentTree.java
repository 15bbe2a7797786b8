package org.digestpress.markdown;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * The walks over a fragment's DOM that its rewrites share. Lists are copied out of the live
 * {@link NodeList}s because the rewrites move and remove the very nodes they walk over.
 */
final class FragmentTree {

    private FragmentTree() {
    }

    static List<Element> elements(Document dom, String tag) {
        NodeList nodes = dom.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Node> list(NodeList nodes) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i));
        }
        return out;
    }

    /** The element just before {@code node}, blank text skipped; {@code null} if text or nothing comes first. */
    static Element previousElement(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && !(n instanceof Element)) {
            if (n instanceof Text t && !t.getData().isBlank()) {
                return null;
            }
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    /** The element just after {@code node}, blank text skipped; {@code null} if text or nothing comes next. */
    static Element nextElement(Node node) {
        Node n = node.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            if (n instanceof Text t && !t.getData().isBlank()) {
                return null;
            }
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }
}

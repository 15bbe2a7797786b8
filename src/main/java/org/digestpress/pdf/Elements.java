package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walking the DOM the pdf stage rearranges between layout passes: element siblings (text and
 * comments between blocks are skipped, as layout skips them) and the class names that mark
 * what a block is.
 */
final class Elements {
    private Elements() {
    }

    static Element firstElement(Element parent) {
        Node n = parent.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    static Element previousElement(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    static Element nextElement(Node node) {
        Node n = node.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    static boolean hasClass(Element element, String name) {
        for (String c : element.getAttribute("class").split("\\s+")) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }

    static void setClass(Element element, String name, boolean on) {
        List<String> classes = new ArrayList<>(List.of(element.getAttribute("class").split("\\s+")));
        classes.removeIf(c -> c.isEmpty() || c.equals(name));
        if (on) {
            classes.add(name);
        }
        if (classes.isEmpty()) {
            element.removeAttribute("class");
        } else {
            element.setAttribute("class", String.join(" ", classes));
        }
    }
}

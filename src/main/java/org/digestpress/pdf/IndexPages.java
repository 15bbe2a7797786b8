package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An index entry names each page once. The template links every article of a region
 * ({@code a.index__page}, its number printed by {@code target-counter}), so two articles that
 * begin on one page would print «6, 6»; which articles share a page is only known once the issue
 * is laid out, so the repeated links are taken out then and the issue laid out once more.
 */
final class IndexPages {

    private IndexPages() {
    }

    /** The ids the index links point to; none when the issue has no index. */
    static java.util.Set<String> targets(Document document) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Element entry : entries(document)) {
            for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element link && Elements.hasClass(link, "index__page")) {
                    ids.add(link.getAttribute("href").replaceFirst("^#", ""));
                }
            }
        }
        return ids;
    }

    private static List<Element> entries(Document document) {
        NodeList spans = document.getElementsByTagName("span");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            if (spans.item(i) instanceof Element span && Elements.hasClass(span, "index__pages")) {
                entries.add(span);
            }
        }
        return entries;
    }

    /**
     * Removes every index link whose target begins on the same page as the link before it in its
     * entry, with the separator before it.
     *
     * @param pages the page each id's content begins on, as the contents and the index print it
     * @return true when the document changed
     */
    static boolean removeRepeats(Document document, Map<String, Integer> pages) {
        boolean changed = false;
        for (Element entry : entries(document)) {
            Integer previous = null;
            for (Node n = entry.getFirstChild(); n != null; ) {
                Node next = n.getNextSibling();
                if (n instanceof Element link && Elements.hasClass(link, "index__page")) {
                    Integer page = pages.get(link.getAttribute("href").replaceFirst("^#", ""));
                    if (page != null && page.equals(previous)) {
                        Node separator = link.getPreviousSibling();
                        if (separator != null && separator.getNodeType() == Node.TEXT_NODE) {
                            entry.removeChild(separator);
                        }
                        entry.removeChild(link);
                        changed = true;
                    } else if (page != null) {
                        previous = page;
                    }
                }
                n = next;
            }
        }
        return changed;
    }
}

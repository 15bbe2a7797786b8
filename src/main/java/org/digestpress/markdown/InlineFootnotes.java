package org.digestpress.markdown;

import static org.digestpress.markdown.FragmentTree.children;
import static org.digestpress.markdown.FragmentTree.elements;
import static org.digestpress.markdown.FragmentTree.hasClass;
import static org.digestpress.markdown.FragmentTree.list;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Moves each footnote from flexmark's list at the end of the text to where it is called, as a
 * {@code span.footnote} the renderer floats to the foot of that page. A footnote never called is
 * not printed, and said so.
 */
final class InlineFootnotes {

    private InlineFootnotes() {
    }

    static void move(Document dom, Path file, ArticleSource source, Problems problems) {
        Map<String, Element> notes = new LinkedHashMap<>();
        Element container = null;
        for (Element div : elements(dom, "div")) {
            if (hasClass(div, "footnotes")) {
                container = div;
                for (Element li : children(div, "ol").stream().flatMap(ol -> children(ol, "li").stream()).toList()) {
                    notes.put(li.getAttribute("id"), li);
                }
            }
        }
        if (container == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (Element a : elements(dom, "a")) {
            if (!hasClass(a, "footnote-ref")) {
                continue;
            }
            String id = a.getAttribute("href").replaceFirst("^#", "");
            Element li = notes.get(id);
            Node call = a.getParentNode() instanceof Element sup && sup.getTagName().equals("sup") ? sup : a;
            if (li == null) {
                continue;
            }
            call.getParentNode().replaceChild(note(dom, li), call);
            used.add(id);
        }
        container.getParentNode().removeChild(container);
        for (String id : notes.keySet()) {
            if (!used.contains(id)) {
                problems.warning(file, source.lineOf("[^" + id.replaceFirst("^fn-", "") + "]:"), 0,
                        "This footnote is never referred to in the text, so it is not printed.");
            }
        }
    }

    /** The note's paragraphs run together into one span, without the link back to the call. */
    private static Element note(Document dom, Element li) {
        Element note = dom.createElement("span");
        note.setAttribute("class", "footnote");
        if (li.hasAttribute(SourceLines.ATTRIBUTE)) {
            // printed at the page foot, the note still leads to its definition's line
            note.setAttribute(SourceLines.ATTRIBUTE, li.getAttribute(SourceLines.ATTRIBUTE));
        }
        boolean first = true;
        for (Node child : list(li.getChildNodes())) {
            if (child instanceof Element e && e.getTagName().equals("a") && hasClass(e, "footnote-backref")) {
                continue;
            }
            if (child instanceof Element p && p.getTagName().equals("p")) {
                if (!first) {
                    note.appendChild(dom.createTextNode(" "));
                }
                for (Node grand : list(p.getChildNodes())) {
                    note.appendChild(grand.cloneNode(true));
                }
                first = false;
            } else if (!(child instanceof Text t && t.getData().isBlank())) {
                note.appendChild(child.cloneNode(true));
            }
        }
        return note;
    }
}

package org.digestpress.markdown;

import static org.digestpress.markdown.FragmentTree.list;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * The article's numbered figures and tables by id, and the {@code @fig:id} and {@code @tbl:id}
 * references in its text, which become links labelled with the number. Numbers are known only
 * once every figure and table is numbered, so the references are resolved last.
 */
final class CrossReferences {

    private static final Pattern REFERENCE = Pattern.compile("@(fig|tbl):([\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])");
    private static final Set<String> NO_REFERENCES = Set.of("code", "pre", "a");

    private final Document dom;
    private final Path file;
    private final ArticleSource source;
    private final String idPrefix;
    private final Problems problems;
    private final Map<String, Target> targets = new HashMap<>();

    private record Target(String anchor, String label) {
    }

    /** @param idPrefix what makes the anchors of this article unique in the issue */
    CrossReferences(Document dom, Path file, ArticleSource source, String idPrefix, Problems problems) {
        this.dom = dom;
        this.file = file;
        this.source = source;
        this.idPrefix = idPrefix;
        this.problems = problems;
    }

    /** The element id of figure or table {@code id} ({@code kind} "fig" or "tbl"), unique in the issue. */
    String anchor(String kind, String id) {
        return idPrefix + "--" + kind + "-" + id;
    }

    /**
     * Makes {@code key} ("fig:id" or "tbl:id") lead to {@code anchor}, shown as {@code label}; a
     * later definition of the same key wins.
     *
     * @return whether {@code key} was defined already, for the caller to report
     */
    boolean define(String key, String anchor, String label) {
        return targets.put(key, new Target(anchor, label)) != null;
    }

    /** Replaces every reference in the text under {@code element} (but not in code or links) with a link. */
    void resolve(Element element) {
        for (Node child : list(element.getChildNodes())) {
            if (child instanceof Element e) {
                if (!NO_REFERENCES.contains(e.getTagName())) {
                    resolve(e);
                }
            } else if (child instanceof Text text) {
                replaceReferences(text);
            }
        }
    }

    private void replaceReferences(Text text) {
        String data = text.getData();
        Matcher m = REFERENCE.matcher(data);
        if (!m.find()) {
            return;
        }
        m.reset();
        Node parent = text.getParentNode();
        int last = 0;
        while (m.find()) {
            parent.insertBefore(dom.createTextNode(data.substring(last, m.start())), text);
            String key = m.group(1) + ":" + m.group(2);
            Target target = targets.get(key);
            if (target == null) {
                problems.error(file, source.lineOf("@" + key), 0, "'@" + key + "' refers to no " + (m.group(1).equals("fig")
                        ? "figure" : "table") + " in this article" + known(m.group(1)) + ".");
                parent.insertBefore(dom.createTextNode(m.group()), text);
            } else {
                Element a = dom.createElement("a");
                a.setAttribute("class", "xref");
                a.setAttribute("href", "#" + target.anchor());
                a.setTextContent(target.label());
                parent.insertBefore(a, text);
            }
            last = m.end();
        }
        parent.insertBefore(dom.createTextNode(data.substring(last)), text);
        parent.removeChild(text);
    }

    private String known(String kind) {
        List<String> ids = targets.keySet().stream().filter(k -> k.startsWith(kind + ":")).sorted().toList();
        return ids.isEmpty() ? "" : " (known: " + String.join(", ", ids) + ")";
    }
}

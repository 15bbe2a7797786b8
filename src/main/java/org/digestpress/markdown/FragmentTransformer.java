package org.digestpress.markdown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.content.Labels;
import org.digestpress.content.LinkAddress;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * The print-specific rewrites of flexmark's HTML: footnotes move to where they are called (the
 * renderer floats them to the page foot), images become numbered figures with checked files,
 * tables get numbered captions, and {@code @fig:}/{@code @tbl:} become links with numbers.
 */
final class FragmentTransformer {

    private static final Pattern FIGURE_ID = Pattern.compile("\\s*\\{#fig:([\\p{L}\\p{N}_-]+)\\}\\s*");
    private static final Pattern CAPTION = Pattern.compile("^(?:Table:|:)\\s+(.*?)(?:\\s*\\{#tbl:([\\p{L}\\p{N}_-]+)\\})?\\s*$",
            Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("@(fig|tbl):([\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])");
    private static final Set<String> NO_REFERENCES = Set.of("code", "pre", "a");

    private final Document dom;
    private final Path file;
    private final int firstLine;
    private final String source;
    private final String idPrefix;
    private final Labels labels;
    private final References references;
    private final LinkLines linkLines;
    private final Problems problems;
    private final Map<String, Target> targets = new HashMap<>();

    private record Target(String anchor, String label) {
    }

    FragmentTransformer(Document dom, Path file, int firstLine, String source, String idPrefix, Labels labels,
                        References references, LinkLines linkLines, Problems problems) {
        this.dom = dom;
        this.file = file;
        this.firstLine = firstLine;
        this.source = source;
        this.idPrefix = idPrefix;
        this.labels = labels;
        this.references = references;
        this.linkLines = linkLines;
        this.problems = problems;
    }

    void transform() {
        refuseUnsafeLinks();
        moveFootnotes();
        shiftHeadings();
        makeImageFigures();
        captionTables();
        numberFigures();
        resolveReferences(dom.getDocumentElement());
    }

    /**
     * A link whose address is not a web page, an e-mail or an anchor would become a PDF action
     * (JavaScript, launching a file): it is reported, and its text stays without the link.
     */
    private void refuseUnsafeLinks() {
        for (Element a : elements("a")) {
            if (!a.hasAttribute("href")) {
                continue;
            }
            String href = a.getAttribute("href");
            if (LinkAddress.allowed(href)) {
                continue;
            }
            problems.error(file, linkLines.next(href, lineOf(href.isEmpty() ? "]()" : href)), 0,
                    LinkAddress.refusal("link", href));
            Node parent = a.getParentNode();
            for (Node child : list(a.getChildNodes())) {
                parent.insertBefore(child, a);
            }
            parent.removeChild(a);
        }
    }

    /** Article titles are h2 and sections h1, so the author's headings start at h3. */
    private void shiftHeadings() {
        for (int level = 6; level >= 1; level--) {
            for (Element h : elements("h" + level)) {
                int target = Math.min(6, Math.max(3, level + 1));
                dom.renameNode(h, null, "h" + target);
            }
        }
    }

    private void moveFootnotes() {
        Map<String, Element> notes = new LinkedHashMap<>();
        Element container = null;
        for (Element div : elements("div")) {
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
        Set<String> used = new java.util.HashSet<>();
        for (Element a : elements("a")) {
            if (!hasClass(a, "footnote-ref")) {
                continue;
            }
            String id = a.getAttribute("href").replaceFirst("^#", "");
            Element li = notes.get(id);
            Node call = a.getParentNode() instanceof Element sup && sup.getTagName().equals("sup") ? sup : a;
            if (li == null) {
                continue;
            }
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
            call.getParentNode().replaceChild(note, call);
            used.add(id);
        }
        container.getParentNode().removeChild(container);
        for (String id : notes.keySet()) {
            if (!used.contains(id)) {
                problems.warning(file, lineOf("[^" + id.replaceFirst("^fn-", "") + "]:"), 0,
                        "This footnote is never referred to in the text, so it is not printed.");
            }
        }
    }

    private void makeImageFigures() {
        for (Element img : elements("img")) {
            String src = img.getAttribute("src");
            Path resolved = references.image(src, file, lineOf("(" + src), 0, "image", problems);
            img.setAttribute("src", resolved == null ? "" : resolved.toUri().toString());
            if (resolved == null) {
                img.getParentNode().removeChild(img);
                continue;
            }
            Node parent = img.getParentNode();
            if (!(parent instanceof Element p) || !p.getTagName().equals("p")) {
                continue;
            }
            String id = null;
            boolean alone = true;
            for (Node sibling : list(p.getChildNodes())) {
                if (sibling == img) {
                    continue;
                }
                Matcher m = sibling instanceof Text t ? FIGURE_ID.matcher(t.getData()) : null;
                if (m != null && m.matches()) {
                    id = m.group(1);
                } else if (!(sibling instanceof Text t && t.getData().isBlank())) {
                    alone = false;
                }
            }
            if (!alone) {
                continue;
            }
            Element figure = dom.createElement("div");
            figure.setAttribute("class", "figure figure--image");
            if (id != null) {
                figure.setAttribute("data-ref", id);
            }
            String caption = img.getAttribute("title");
            img.removeAttribute("title");
            Element title = dom.createElement("p");
            title.setAttribute("class", "figure__title");
            title.setTextContent(caption.isBlank() ? img.getAttribute("alt") : caption);
            Element body = dom.createElement("div");
            body.setAttribute("class", "figure__body");
            body.appendChild(img);
            figure.appendChild(title);
            figure.appendChild(body);
            p.getParentNode().replaceChild(figure, p);
        }
    }

    private void captionTables() {
        int number = 0;
        for (Element table : elements("table")) {
            Element wrapper = dom.createElement("div");
            wrapper.setAttribute("class", "table-figure" + (columns(table) > 5 ? " table-figure--wide" : ""));
            Element captionParagraph = captionNear(table);
            String id = null;
            String title = null;
            if (captionParagraph != null) {
                Matcher m = CAPTION.matcher(captionParagraph.getTextContent());
                if (m.matches()) {
                    title = m.group(1);
                    id = m.group(2);
                }
                captionParagraph.getParentNode().removeChild(captionParagraph);
            }
            table.getParentNode().replaceChild(wrapper, table);
            if (title != null) {
                number++;
                String anchor = anchor("tbl", id == null ? String.valueOf(number) : id);
                wrapper.setAttribute("id", anchor);
                // What the pages a long table runs on to say above its repeated header (pdf.TableContinuations).
                wrapper.setAttribute("data-continuing", labels.format("table_continuing", number));
                wrapper.setAttribute("data-continued", labels.format("table_continued", number));
                Element caption = dom.createElement("p");
                caption.setAttribute("class", "table-figure__title");
                Element label = dom.createElement("span");
                label.setAttribute("class", "table-figure__label");
                label.setTextContent(labels.get("table") + " " + number + ".");
                caption.appendChild(label);
                caption.appendChild(dom.createTextNode(" " + title));
                wrapper.appendChild(caption);
                if (id != null && targets.put("tbl:" + id, new Target(anchor, labels.get("table_ref") + "\u00a0" + number)) != null) {
                    problems.error(file, secondDefinition(Pattern.compile(Pattern.quote("{#tbl:" + id + "}"))), 0,
                            "The table id 'tbl:" + id + "' is used twice.");
                }
            }
            wrapper.appendChild(table);
            Element source = sourceLine(wrapper);
            if (source != null) {
                wrapper.appendChild(source);
            }
            sizeColumns(table);
            String existing = table.getAttribute("class");
            table.setAttribute("class", (existing.isBlank() ? "" : existing + " ") + "table");
            for (String cell : List.of("th", "td")) {
                NodeList cells = table.getElementsByTagName(cell);
                for (int i = 0; i < cells.getLength(); i++) {
                    Element c = (Element) cells.item(i);
                    String align = c.getAttribute("align");
                    if (!align.isBlank()) {
                        c.removeAttribute("align");
                        c.setAttribute("class", (c.getAttribute("class") + " align-" + align).strip());
                    }
                }
            }
        }
    }

    /**
     * Gives each column a share of the width by what it holds: the longest cell text, but for the
     * header only its longest word (headers may wrap). Without this the renderer sizes columns by
     * their unbroken header text and squeezes a column of region names into a sliver.
     */
    private void sizeColumns(Element table) {
        NodeList rows = table.getElementsByTagName("tr");
        double[] weight = null;
        for (int r = 0; r < rows.getLength(); r++) {
            List<Element> cells = new ArrayList<>();
            for (Node c = rows.item(r).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    if (e.hasAttribute("colspan") || e.hasAttribute("rowspan")) {
                        return; // spanning cells: leave sizing to the renderer
                    }
                    cells.add(e);
                }
            }
            if (weight == null) {
                weight = new double[cells.size()];
            }
            if (cells.size() != weight.length) {
                return;
            }
            for (int i = 0; i < cells.size(); i++) {
                String text = cells.get(i).getTextContent().strip();
                double need = cells.get(i).getTagName().equals("th")
                        ? java.util.Arrays.stream(text.split("\\s+")).mapToInt(String::length).max().orElse(1)
                        : Math.min(text.length(), 40);
                weight[i] = Math.max(weight[i], Math.max(4, need));
            }
        }
        if (weight == null || weight.length < 2) {
            return;
        }
        double total = java.util.Arrays.stream(weight).sum();
        Element group = dom.createElement("colgroup");
        for (double w : weight) {
            Element col = dom.createElement("col");
            col.setAttribute("style", String.format(java.util.Locale.ROOT, "width: %.1f%%", 100 * w / total));
            group.appendChild(col);
        }
        table.insertBefore(group, table.getFirstChild());
    }

    /**
     * A table's source line: the paragraph right after the table (after its caption, if the
     * caption follows it) that starts with «Источник:» in the text's language or with
     * {@code Source:}, emphasised or not. It moves into the table's block and is set like the
     * source line under a figure, its links and emphasis kept.
     */
    private Element sourceLine(Element wrapper) {
        Element next = nextElement(wrapper);
        if (next == null || !next.getTagName().equals("p")) {
            return null;
        }
        Matcher m = org.digestpress.content.Source.typedLabel(next.getTextContent(), labels);
        if (!m.find()) {
            return null;
        }
        Element holder = next;
        List<Node> content = list(next.getChildNodes()).stream()
                .filter(n -> !(n instanceof Text t && t.getData().isBlank())).toList();
        if (content.size() == 1 && content.get(0) instanceof Element only
                && (only.getTagName().equals("em") || only.getTagName().equals("i"))) {
            holder = only; // *Источник: …*: the whole line in italics is just how it was marked
        }
        int skip = m.end();
        for (Node n : list(holder.getChildNodes())) {
            if (skip <= 0) {
                break;
            }
            if (n instanceof Text t) {
                int take = Math.min(skip, t.getData().length());
                t.setData(t.getData().substring(take));
                skip -= take;
            } else {
                break; // the label is plain text; anything else ends it
            }
        }
        Element line = dom.createElement("p");
        line.setAttribute("class", "figure__source table-figure__source");
        line.appendChild(dom.createTextNode(labels.get("source") + ": "));
        for (Node n : list(holder.getChildNodes())) {
            line.appendChild(n);
        }
        next.getParentNode().removeChild(next);
        return line;
    }

    private Element captionNear(Element table) {
        for (Node n : new Node[] {previousElement(table), nextElement(table)}) {
            if (n instanceof Element p && p.getTagName().equals("p") && CAPTION.matcher(p.getTextContent()).matches()) {
                return p;
            }
        }
        return null;
    }

    private void numberFigures() {
        int number = 0;
        for (Element figure : elements("div")) {
            if (!hasClass(figure, "figure")) {
                continue;
            }
            number++;
            String id = figure.getAttribute("data-ref");
            figure.removeAttribute("data-ref");
            String anchor = anchor("fig", id.isBlank() ? String.valueOf(number) : id);
            figure.setAttribute("id", anchor);
            Element title = children(figure, "p").stream().filter(p -> hasClass(p, "figure__title")).findFirst().orElse(null);
            if (title != null) {
                Element label = dom.createElement("span");
                label.setAttribute("class", "figure__label");
                label.setTextContent(labels.get("figure") + " " + number + ".");
                title.insertBefore(dom.createTextNode(" "), title.getFirstChild());
                title.insertBefore(label, title.getFirstChild());
            }
            for (Element p : children(figure, "p")) {
                if (p.hasAttribute("data-source")) {
                    p.removeAttribute("data-source");
                    String text = org.digestpress.content.Source.withoutLabel(p.getTextContent(), labels);
                    p.setTextContent(labels.get("source") + ": " + text);
                }
            }
            if (!id.isBlank() && targets.put("fig:" + id, new Target(anchor, labels.get("figure_ref") + "\u00a0" + number)) != null) {
                problems.error(file, secondDefinition(Pattern.compile("\\{#fig:" + Pattern.quote(id) + "\\}|(?m)^\\s*id:\\s*[\"']?(?:fig:)?"
                        + Pattern.quote(id) + "[\"']?\\s*$")), 0, "The figure id 'fig:" + id + "' is used twice.");
            }
        }
    }

    private void resolveReferences(Element element) {
        for (Node child : list(element.getChildNodes())) {
            if (child instanceof Element e) {
                if (!NO_REFERENCES.contains(e.getTagName())) {
                    resolveReferences(e);
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
                problems.error(file, lineOf("@" + key), 0, "'@" + key + "' refers to no " + (m.group(1).equals("fig")
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

    private String anchor(String kind, String id) {
        return idPrefix + "--" + kind + "-" + id;
    }

    /** The file line where {@code needle} first occurs in the source, or the first line. */
    /**
     * The line of the second definition matching {@code definition}: a duplicate is reported where
     * it is introduced, not at the first use, which is fine. The first line when there is no second.
     */
    private int secondDefinition(Pattern definition) {
        java.util.regex.Matcher m = definition.matcher(source);
        int found = -1;
        for (int n = 0; n < 2 && m.find(); n++) {
            found = m.start();
        }
        return found < 0 ? firstLine : lineAt(found);
    }

    private int lineAt(int index) {
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int lineOf(String needle) {
        int index = source.indexOf(needle);
        if (index < 0) {
            return firstLine;
        }
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columns(Element table) {
        NodeList rows = table.getElementsByTagName("tr");
        int max = 0;
        for (int i = 0; i < rows.getLength(); i++) {
            int count = 0;
            for (Node c = rows.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    String span = e.getAttribute("colspan");
                    count += span.isBlank() ? 1 : Integer.parseInt(span);
                }
            }
            max = Math.max(max, count);
        }
        return max;
    }

    private List<Element> elements(String tag) {
        NodeList nodes = dom.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Node> list(NodeList nodes) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i));
        }
        return out;
    }

    private static Element previousElement(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && !(n instanceof Element)) {
            if (n instanceof Text t && !t.getData().isBlank()) {
                return null;
            }
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    private static Element nextElement(Node node) {
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

package org.digestpress.markdown;

import static org.digestpress.markdown.FragmentTree.elements;
import static org.digestpress.markdown.FragmentTree.list;
import static org.digestpress.markdown.FragmentTree.nextElement;
import static org.digestpress.markdown.FragmentTree.previousElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.content.Labels;
import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Tables as figures: each table goes into a block with its numbered caption (a {@code Table:} or
 * {@code :} paragraph next to it) and its source line, its columns get widths by what they hold,
 * and a captioned table becomes a target of {@code @tbl:} references.
 */
final class TableFigures {

    private static final Pattern CAPTION = Pattern.compile("^(?:Table:|:)\\s+(.*?)(?:\\s*\\{#tbl:([\\p{L}\\p{N}_-]+)\\})?\\s*$",
            Pattern.DOTALL);

    private final Document dom;
    private final Path file;
    private final ArticleSource source;
    private final Labels labels;
    private final CrossReferences crossReferences;
    private final Problems problems;

    TableFigures(Document dom, Path file, ArticleSource source, Labels labels, CrossReferences crossReferences,
                 Problems problems) {
        this.dom = dom;
        this.file = file;
        this.source = source;
        this.labels = labels;
        this.crossReferences = crossReferences;
        this.problems = problems;
    }

    void caption() {
        int number = 0;
        for (Element table : elements(dom, "table")) {
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
                String anchor = crossReferences.anchor("tbl", id == null ? String.valueOf(number) : id);
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
                if (id != null && crossReferences.define("tbl:" + id, anchor, labels.get("table_ref") + "\u00a0" + number)) {
                    problems.error(file, source.secondDefinition(Pattern.compile(Pattern.quote("{#tbl:" + id + "}"))), 0,
                            "The table id 'tbl:" + id + "' is used twice.");
                }
            }
            wrapper.appendChild(table);
            Element sourceLine = sourceLine(wrapper);
            if (sourceLine != null) {
                wrapper.appendChild(sourceLine);
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

    private static Element captionNear(Element table) {
        for (Node n : new Node[] {previousElement(table), nextElement(table)}) {
            if (n instanceof Element p && p.getTagName().equals("p") && CAPTION.matcher(p.getTextContent()).matches()) {
                return p;
            }
        }
        return null;
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
}

package org.digestpress.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.chart.ChartCompiler;
import org.digestpress.typography.TypesetFragment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns one typeset XHTML fragment of the print edition into its web form. Text and structure stay
 * as the earlier stages made them; only what belongs to paper changes: chart placeholders become
 * inline SVG, footnotes become numbered notes at the end, images point at copies beside the page,
 * and headings move down to fit under the page's own {@code h1}–{@code h3}.
 */
final class WebFragment {

    /** The print text width (A4 less 2 × 19 mm margins) in CSS pixels: charts keep their printed proportions. */
    static final double TEXT_WIDTH_PX = 172 / 25.4 * 96;
    /**
     * Charts are drawn no wider than this and scaled by the browser: on a phone a chart drawn at
     * its printed width would shrink its labels to 5 px; drawn at most this wide they stay near 10 px,
     * and on a desktop the drawing grows back to its printed width.
     */
    static final double CHART_DRAWING_WIDTH_PX = 380;
    private static final Pattern WIDTH = Pattern.compile("width:\\s*([0-9.]+)%");
    private static final Pattern HEIGHT = Pattern.compile("height:\\s*([0-9.]+)mm");
    private static final Pattern HEADING = Pattern.compile("h([1-6])");
    /** How wide a picture in the text is shown: the column (44rem) on a desktop, the screen less its margins on a phone. */
    static final String SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

    private final ChartCompiler charts;
    private final Pictures pictures;
    private final ChartFiles chartFiles;

    WebFragment(ChartCompiler charts, Pictures pictures, ChartFiles chartFiles) {
        this.charts = charts;
        this.pictures = pictures;
        this.chartFiles = chartFiles;
    }

    /**
     * @param typeset    the typography stage's tree of {@code xhtml}, read through a copy (it is shared
     *                   with the kept article); null, or of another text, and {@code xhtml} is parsed
     * @param anchor     the id of the article (or part) the fragment belongs to; ids made here start with it
     * @param topHeading the level the fragment's highest heading becomes (4 under an article's {@code h3}),
     *                   moving it up or down, so that no level is skipped whatever the author wrote
     * @param labels     the fixed words in the language of the fragment (an article's own)
     */
    String convert(String xhtml, TypesetFragment typeset, String anchor, int topHeading, Map<String, String> labels) {
        if (xhtml == null || xhtml.isBlank()) {
            return "";
        }
        Element root = typeset == null ? null : typeset.copyFor(xhtml);
        if (root == null) {
            root = HtmlMarkup.parse(xhtml);
        }
        // where each block is written is for the author's preview, not for the published page
        org.digestpress.markdown.SourceLines.strip(root);
        shiftHeadings(root, topHeading);
        images(root);
        separatePeople(root);
        tables(root, anchor, labels);
        List<String> svgs = charts(root, anchor, labels);
        notes(root, anchor, topHeading, labels);
        String html = HtmlMarkup.children(root);
        for (int i = 0; i < svgs.size(); i++) {
            html = html.replace("<!--" + placeholder(i) + "-->", svgs.get(i));
        }
        return html;
    }

    private static void shiftHeadings(Element root, int topHeading) {
        int highest = 7;
        for (Element e : elements(root, "*")) {
            Matcher m = HEADING.matcher(e.getTagName());
            if (m.matches()) {
                highest = Math.min(highest, Integer.parseInt(m.group(1)));
            }
        }
        if (highest == 7 || highest == topHeading) {
            return;
        }
        int shift = topHeading - highest;
        Document dom = root.getOwnerDocument();
        for (Element e : elements(root, "*")) {
            Matcher m = HEADING.matcher(e.getTagName());
            if (m.matches()) {
                dom.renameNode(e, null, "h" + Math.max(1, Math.min(6, Integer.parseInt(m.group(1)) + shift)));
            }
        }
    }

    private void images(Element root) {
        for (Element img : elements(root, "img")) {
            Pictures.Picture picture = pictures.of(img.getAttribute("src"));
            img.setAttribute("src", picture.src());
            if (!picture.srcset().isEmpty()) {
                img.setAttribute("srcset", picture.srcset());
                img.setAttribute("sizes", SIZES);
            }
            if (picture.width() > 0) {
                img.setAttribute("width", Integer.toString(picture.width()));
                img.setAttribute("height", Integer.toString(picture.height()));
            }
            if (!img.hasAttribute("alt") || img.getAttribute("alt").isBlank()) {
                img.setAttribute("alt", img.getAttribute("title"));
            }
            img.setAttribute("loading", "lazy");
        }
    }

    /**
     * A table wider than the screen scrolls sideways in a box of its own; the box can take the
     * keyboard's focus (so it can be scrolled without a mouse) and is named by the table's title.
     */
    private static void tables(Element root, String anchor, Map<String, String> labels) {
        Document dom = root.getOwnerDocument();
        int n = 0;
        for (Element table : elements(root, "table")) {
            n++;
            Element box = dom.createElement("div");
            box.setAttribute("class", "table-scroll");
            box.setAttribute("tabindex", "0");
            box.setAttribute("role", "region");
            Element title = null;
            if (table.getParentNode() instanceof Element figure && hasClass(figure, "table-figure")) {
                for (Element p : elements(figure, "p")) {
                    if (hasClass(p, "table-figure__title")) {
                        title = p;
                        break;
                    }
                }
            }
            if (title != null) {
                String id = title.hasAttribute("id") ? title.getAttribute("id") : anchor + "-table-" + n + "-title";
                title.setAttribute("id", id);
                box.setAttribute("aria-labelledby", id);
            } else {
                box.setAttribute("aria-label", labels.getOrDefault("table", "Table") + " " + n);
            }
            table.getParentNode().replaceChild(box, table);
            box.appendChild(table);
        }
    }

    /**
     * A box's speaker and their role are two spans the print stylesheet sets as blocks; a line
     * break between them keeps them apart in a browser without the stylesheet too.
     */
    private static void separatePeople(Element root) {
        for (Element name : elements(root, "span")) {
            if (hasClass(name, "box__name") && name.getNextSibling() instanceof Element role && hasClass(role, "box__role")) {
                name.getParentNode().insertBefore(root.getOwnerDocument().createElement("br"), role);
            }
        }
    }

    /** Each chart placeholder becomes a comment marker now and its SVG after serialising. */
    private List<String> charts(Element root, String anchor, Map<String, String> labels) {
        List<String> svgs = new ArrayList<>();
        for (Element object : elements(root, "object")) {
            if (!ChartCompiler.OBJECT_TYPE.equals(object.getAttribute("type"))) {
                continue;
            }
            String style = object.getAttribute("style");
            double width = TEXT_WIDTH_PX * number(WIDTH, style, 100) / 100;
            double height = number(HEIGHT, style, 70) / 25.4 * 96;
            double scale = Math.min(1, CHART_DRAWING_WIDTH_PX / width);
            String id = anchor + "-chart-" + (svgs.size() + 1);
            String svg = charts.svg(object.getAttribute("data-chart"), round(width * scale), round(height * scale), id,
                    object.getAttribute("alt"));
            svgs.add(svg == null ? "" : svg);
            Element wrapper = root.getOwnerDocument().createElement("div");
            wrapper.setAttribute("class", "chart");
            wrapper.setAttribute("style", "max-width:" + plain(round(width)) + "px");
            wrapper.appendChild(root.getOwnerDocument().createComment(placeholder(svgs.size() - 1)));
            object.getParentNode().replaceChild(wrapper, object);
            String csv = chartFiles.csv(object.getAttribute("data-chart"));
            if (csv != null) {
                Element p = root.getOwnerDocument().createElement("p");
                p.setAttribute("class", "chart__data");
                Element a = root.getOwnerDocument().createElement("a");
                a.setAttribute("href", csv);
                a.setAttribute("type", "text/csv");
                a.setAttribute("download", "");
                a.setTextContent(labels.getOrDefault("web_chart_data", "Chart data (CSV)"));
                p.appendChild(a);
                wrapper.getParentNode().insertBefore(p, wrapper.getNextSibling());
            }
        }
        return svgs;
    }

    /** Footnotes (floated to the page foot in print) become a numbered list after the text. */
    private void notes(Element root, String anchor, int topHeading, Map<String, String> labels) {
        List<Element> calls = new ArrayList<>();
        for (Element span : elements(root, "span")) {
            if (hasClass(span, "footnote")) {
                calls.add(span);
            }
        }
        if (calls.isEmpty()) {
            return;
        }
        Document dom = root.getOwnerDocument();
        Element list = dom.createElement("ol");
        int n = 0;
        for (Element note : calls) {
            n++;
            String noteId = anchor + "-note-" + n;
            String refId = anchor + "-ref-" + n;
            Element sup = dom.createElement("sup");
            sup.setAttribute("class", "note-ref");
            Element a = dom.createElement("a");
            a.setAttribute("id", refId);
            a.setAttribute("href", "#" + noteId);
            a.setTextContent(Integer.toString(n));
            sup.appendChild(a);
            note.getParentNode().replaceChild(sup, note);
            Element li = dom.createElement("li");
            li.setAttribute("id", noteId);
            while (note.getFirstChild() != null) {
                li.appendChild(note.getFirstChild());
            }
            li.appendChild(dom.createTextNode(" "));
            Element back = dom.createElement("a");
            back.setAttribute("class", "note-back");
            back.setAttribute("href", "#" + refId);
            back.setAttribute("aria-label", labels.getOrDefault("web_note_back", "Back to note {0}")
                    .replace("{0}", Integer.toString(n)));
            back.setTextContent("↑");
            li.appendChild(back);
            list.appendChild(li);
        }
        Element notes = dom.createElement("div");
        notes.setAttribute("class", "notes");
        Element title = dom.createElement("h" + Math.min(6, topHeading));
        title.setAttribute("class", "notes__title");
        title.setTextContent(labels.getOrDefault("web_notes", "Notes"));
        notes.appendChild(title);
        notes.appendChild(list);
        root.appendChild(notes);
    }

    private static String placeholder(int i) {
        return "digestpress-svg-" + i;
    }

    private static double number(Pattern pattern, String style, double fallback) {
        Matcher m = pattern.matcher(style);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }

    private static double round(double px) {
        return Math.round(px * 10) / 10.0;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }

    /** A snapshot, so the caller may replace elements while walking it. */
    private static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            out.add((Element) node);
        }
        return out;
    }
}

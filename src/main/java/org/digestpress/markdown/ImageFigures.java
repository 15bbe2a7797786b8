package org.digestpress.markdown;

import static org.digestpress.markdown.FragmentTree.children;
import static org.digestpress.markdown.FragmentTree.elements;
import static org.digestpress.markdown.FragmentTree.hasClass;
import static org.digestpress.markdown.FragmentTree.list;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Images as figures: each image's file is checked, an image alone in its paragraph becomes a
 * figure with its title as caption, and all figures of the article (charts included) are
 * numbered and made targets of {@code @fig:} references.
 */
final class ImageFigures {

    private static final Pattern FIGURE_ID = Pattern.compile("\\s*\\{#fig:([\\p{L}\\p{N}_-]+)\\}\\s*");

    private final Document dom;
    private final Path file;
    private final ArticleSource source;
    private final Labels labels;
    private final References references;
    private final CrossReferences crossReferences;
    private final Problems problems;

    ImageFigures(Document dom, Path file, ArticleSource source, Labels labels, References references,
                 CrossReferences crossReferences, Problems problems) {
        this.dom = dom;
        this.file = file;
        this.source = source;
        this.labels = labels;
        this.references = references;
        this.crossReferences = crossReferences;
        this.problems = problems;
    }

    /** Resolves each image's file (an image that has none is dropped) and wraps a lone image in a figure. */
    void makeFigures() {
        for (Element img : elements(dom, "img")) {
            String src = img.getAttribute("src");
            Path resolved = references.image(src, file, source.lineOf("(" + src), 0, "image", problems);
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

    /** Numbers every figure in document order, labels its title and source line, and defines its id. */
    void number() {
        int number = 0;
        for (Element figure : elements(dom, "div")) {
            if (!hasClass(figure, "figure")) {
                continue;
            }
            number++;
            String id = figure.getAttribute("data-ref");
            figure.removeAttribute("data-ref");
            String anchor = crossReferences.anchor("fig", id.isBlank() ? String.valueOf(number) : id);
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
            if (!id.isBlank() && crossReferences.define("fig:" + id, anchor, labels.get("figure_ref") + "\u00a0" + number)) {
                problems.error(file, source.secondDefinition(Pattern.compile("\\{#fig:" + Pattern.quote(id)
                        + "\\}|(?m)^\\s*id:\\s*[\"']?(?:fig:)?" + Pattern.quote(id) + "[\"']?\\s*$")), 0,
                        "The figure id 'fig:" + id + "' is used twice.");
            }
        }
    }
}

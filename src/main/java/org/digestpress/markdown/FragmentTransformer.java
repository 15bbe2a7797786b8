package org.digestpress.markdown;

import static org.digestpress.markdown.FragmentTree.elements;
import static org.digestpress.markdown.FragmentTree.list;

import java.nio.file.Path;

import org.digestpress.content.Labels;
import org.digestpress.content.LinkAddress;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The print-specific rewrites of flexmark's HTML: footnotes move to where they are called (the
 * renderer floats them to the page foot), images become numbered figures with checked files,
 * tables get numbered captions, and {@code @fig:}/{@code @tbl:} become links with numbers.
 * The order matters: figures are numbered once the images have become figures (charts come as
 * figures already), and references are resolved once every figure and table has its number.
 */
final class FragmentTransformer {

    private final Document dom;
    private final Path file;
    private final ArticleSource source;
    private final LinkLines linkLines;
    private final Problems problems;
    private final ImageFigures images;
    private final TableFigures tables;
    private final CrossReferences crossReferences;

    FragmentTransformer(Document dom, Path file, int firstLine, String source, String idPrefix, Labels labels,
                        References references, LinkLines linkLines, Problems problems) {
        this.dom = dom;
        this.file = file;
        this.source = new ArticleSource(source, firstLine);
        this.linkLines = linkLines;
        this.problems = problems;
        this.crossReferences = new CrossReferences(dom, file, this.source, idPrefix, problems);
        this.images = new ImageFigures(dom, file, this.source, labels, references, crossReferences, problems);
        this.tables = new TableFigures(dom, file, this.source, labels, crossReferences, problems);
    }

    void transform() {
        refuseUnsafeLinks();
        InlineFootnotes.move(dom, file, source, problems);
        shiftHeadings();
        images.makeFigures();
        tables.caption();
        images.number();
        crossReferences.resolve(dom.getDocumentElement());
    }

    /**
     * A link whose address is not a web page, an e-mail or an anchor would become a PDF action
     * (JavaScript, launching a file): it is reported, and its text stays without the link.
     */
    private void refuseUnsafeLinks() {
        for (Element a : elements(dom, "a")) {
            if (!a.hasAttribute("href")) {
                continue;
            }
            String href = a.getAttribute("href");
            if (LinkAddress.allowed(href)) {
                continue;
            }
            problems.error(file, linkLines.next(href, source.lineOf(href.isEmpty() ? "]()" : href)), 0,
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
            for (Element h : elements(dom, "h" + level)) {
                int target = Math.min(6, Math.max(3, level + 1));
                dom.renameNode(h, null, "h" + target);
            }
        }
    }
}

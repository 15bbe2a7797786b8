package org.digestpress.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.digestpress.content.Article;
import org.digestpress.layout.IssueView;

/**
 * An issue laid out and written: the PDF (its file and its bytes, as written) and the first page
 * of every section and article anchor, as the last layout pass placed them. Offprints number their
 * pages from here, {@code serve} draws its pictures from {@link #pdf()} and lists {@link #contents()}.
 *
 * @param xhtml       the issue as one XHTML document, as laid out
 * @param anchorPages the first page of every {@code section-…} and {@code article-…} anchor
 * @param sourceMap   where each marked block is printed, with the source files named
 */
public record LaidOutIssue(TypesetIssue typeset, String xhtml, Path file, int pages, byte[] pdf,
                           Map<String, Integer> anchorPages, org.digestpress.pdf.SourceMap sourceMap) {

    public LaidOutIssue {
        // sorted, never Map.copyOf: its iteration order changes from one JVM start to the next
        anchorPages = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(anchorPages));
    }

    /** The page the element with this id starts on, 0 when it has none. */
    public int pageOf(String anchor) {
        return anchorPages.getOrDefault(anchor, 0);
    }

    /** The page the article starts on, 0 when it is not in the issue. */
    public int pageOf(Article article) {
        return pageOf("article-" + article.key());
    }

    /** The table of contents: every section, then its articles, each with its first page. */
    public List<Workspace.Entry> contents() {
        IssueView view = typeset.view();
        List<Workspace.Entry> entries = new ArrayList<>();
        for (int s = 0; s < view.sections().size(); s++) {
            IssueView.SectionView section = view.sections().get(s);
            entries.add(new Workspace.Entry(section.title(), section.title(), null, section.anchor(),
                    pageOf(section.anchor())));
            List<Article> sources = typeset.issue().sections().get(s).articles();
            for (int a = 0; a < section.articles().size(); a++) {
                IssueView.ArticleView article = section.articles().get(a);
                entries.add(new Workspace.Entry(section.title(), article.tocTitle(), sources.get(a).file(),
                        article.anchor(), pageOf(article.anchor())));
            }
        }
        return entries;
    }
}

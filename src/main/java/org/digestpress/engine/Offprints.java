package org.digestpress.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.digestpress.content.Article;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.PdfFacts;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Offprints: each article of an issue rendered alone, with the issue's styles, running header and
 * figure numbers, its pages numbered as they are in the issue. They are made from the typeset
 * issue the issue PDF was made from; where an article starts comes from the laid-out issue
 * ({@link Workspace#buildWithOffprints}), or, for an issue PDF built earlier, from that PDF's
 * bookmarks ({@link Workspace#offprints}), so an offprint can be made from any issue PDF that
 * matches the sources without laying the whole issue out again.
 */
public final class Offprints {

    /**
     * One article of the issue.
     *
     * @param position  1-based place in the issue (the {@code NN} of its offprint's file name)
     * @param firstPage the page it starts on in the issue, 1 when no issue PDF was given
     */
    public record ArticleInfo(int position, String key, Path file, String section, String title, int firstPage,
                              String lead, String region, String language) {
    }

    /** An offprint written. */
    public record Written(ArticleInfo article, Path pdf, int pages, long bytes) {
    }

    /**
     * The issue as the offprints saw it and what was written.
     *
     * @param articles every article of the issue, in order, whether rendered or not
     */
    public record Result(String issueName, String publicationTitle, String language, int number, String issueLabel,
                         String monthLabel, List<ArticleInfo> articles, List<Written> offprints,
                         List<Problem> problems) {
        public Result {
            articles = List.copyOf(articles);
            offprints = List.copyOf(offprints);
            problems = List.copyOf(problems);
        }

        public boolean failed() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private Offprints() {
    }

    /** The issue's articles in order, each starting on the page {@code firstPage} gives. */
    static List<ArticleInfo> articles(TypesetIssue typeset, ToIntFunction<Article> firstPage) {
        List<ArticleInfo> infos = new ArrayList<>();
        List<Article> sources = typeset.issue().articles();
        int position = 0;
        for (IssueView.SectionView section : typeset.view().sections()) {
            for (IssueView.ArticleView article : section.articles()) {
                Article source = sources.get(position);
                position++;
                infos.add(new ArticleInfo(position, source.key(), source.file(), section.title(), article.title(),
                        firstPage.applyAsInt(source), source.lead(), source.region(), source.language()));
            }
        }
        return infos;
    }

    /**
     * The articles paired with the bookmarks of an issue PDF: both come from the same view in the
     * same order, so the n-th article bookmark is the n-th article. A PDF built from other sources
     * (articles added, removed or retitled since) is refused rather than numbered wrongly. Without
     * a PDF every article starts on page 1.
     */
    static List<ArticleInfo> fromBookmarks(TypesetIssue typeset, Path issuePdf, Problems problems) {
        List<PdfFacts.Bookmark> bookmarks = null;
        if (issuePdf != null) {
            try {
                bookmarks = PdfFacts.read(issuePdf).articles();
            } catch (IOException e) {
                problems.error(issuePdf, 0, 0, "The issue PDF cannot be read for its page numbers: " + e.getMessage() + ".");
            }
        }
        List<ArticleInfo> infos = new ArrayList<>();
        List<IssueView.ArticleView> views = typeset.view().sections().stream()
                .flatMap(s -> s.articles().stream()).toList();
        for (ArticleInfo info : articles(typeset, a -> 1)) {
            int at = info.position() - 1;
            if (bookmarks == null) {
                infos.add(info);
                continue;
            }
            String title = views.get(at).tocTitle();
            if (at >= bookmarks.size() || !sameTitle(bookmarks.get(at).title(), title)) {
                problems.error(issuePdf, 0, 0, "The issue PDF does not match the sources (its bookmark "
                        + (at + 1) + " is not «" + title + "»); build the issue again.");
                bookmarks = null;
                infos.add(info);
            } else {
                infos.add(new ArticleInfo(info.position(), info.key(), info.file(), info.section(), info.title(),
                        bookmarks.get(at).page(), info.lead(), info.region(), info.language()));
            }
        }
        return infos;
    }

    /**
     * Writes the offprints of {@code articles} ({@code only} those files, or all when empty), each
     * with its own language and the data of its own charts; their problems go to {@code problems},
     * named after the article when they have no file of their own.
     */
    static List<Written> write(TypesetIssue typeset, List<ArticleInfo> articles, Set<Path> only,
                               BiFunction<ArticleInfo, String, Path> output, IssueLayout layout, FontSet fonts,
                               List<Path> roots, Problems problems) {
        Set<Path> wanted = only.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        List<Written> written = new ArrayList<>();
        for (ArticleInfo article : articles) {
            if (!wanted.isEmpty() && !wanted.contains(article.file().toAbsolutePath().normalize())) {
                continue;
            }
            Problems own = new Problems();
            String xhtml = layout.renderOffprint(IssueViews.alone(typeset.view(), "article-" + article.key(), false), own);
            PdfWriter.Result pdf = null;
            if (xhtml != null) {
                // The offprint is one article: its language is the document's (catalog /Lang, dc:language).
                Article source = typeset.article(article.key());
                String language = source == null || source.language() == null ? typeset.publication().language()
                        : source.language();
                pdf = new PdfWriter(fonts, typeset.drawers()).startingAtPage(article.firstPage())
                        .write(xhtml, roots, output.apply(article, slug(article.file())),
                                typeset.documentInfo(language, xhtml), own);
            }
            for (Problem p : own.all()) {
                problems.add(p.file() == null ? new Problem(article.file(), 0, 0, p.severity(),
                        "Offprint: " + p.message()) : p);
            }
            if (pdf != null) {
                written.add(new Written(article, pdf.file(), pdf.pages(), pdf.bytes()));
            }
        }
        return written;
    }

    /** The article's file name without its order prefix: {@code 03-media-cluster.md} → {@code media-cluster}. */
    static String slug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        String stripped = name.replaceFirst("^\\d+[-_]", "");
        return stripped.isEmpty() ? name : stripped;
    }

    private static boolean sameTitle(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replace("\u00ad", "").replaceAll("\\s+", " ").strip();
    }

    static Result empty(String issueName, Problems problems) {
        return new Result(issueName, null, null, 0, null, null, List.of(), List.of(), problems.all());
    }

    static Result result(TypesetIssue typeset, List<ArticleInfo> articles, List<Written> written, Problems problems) {
        return new Result(typeset.issueName(), typeset.publication().title(), typeset.publication().language(),
                typeset.issue().number(), typeset.view().issueLabel(), typeset.view().monthLabel(), articles, written,
                problems.all());
    }
}

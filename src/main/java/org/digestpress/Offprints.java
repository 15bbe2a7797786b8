package org.digestpress;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartObjectDrawer;
import org.digestpress.chart.ChartStyle;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.References;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.markdown.MarkdownRenderer;
import org.digestpress.pdf.DocumentInfo;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.PdfFacts;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;

/**
 * Offprints: each article of an issue rendered alone, with the issue's styles, running header and
 * figure numbers, its pages numbered as they are in the issue. Where an article starts comes from
 * the bookmarks of the built issue PDF, so an offprint can be made from any issue PDF that matches
 * the sources (the archive's, or {@code out/}'s) without laying the whole issue out again.
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

    /**
     * @param request  the issue (its folder must be given), templates and fonts; {@code output} is ignored
     * @param issuePdf the built issue PDF whose bookmarks give each article's first page, or null to
     *                 number every offprint from page 1 (a preview of an article not yet laid out)
     * @param only     the article files to render; empty renders every article
     * @param output   where an article's PDF goes, given the article and its file name's slug
     *                 ({@code 03-media-cluster.md} → {@code media-cluster})
     */
    static Result render(BuildRequest request, Path issuePdf, Set<Path> only,
                         BiFunction<ArticleInfo, String, Path> output) {
        Problems problems = new Problems();
        Publication publication = PublicationLoader.load(request.publication(), problems);
        if (publication == null || request.issue() == null) {
            if (publication != null) {
                problems.error(publication.root(), 0, 0, "Name the issue folder the offprints come from.");
            }
            return empty(null, problems);
        }
        Labels labels = Labels.load(request.templates(), publication.language(), problems);
        Issue issue = IssueLoader.load(publication, request.issue(), request.drafts(), problems);
        if (issue == null) {
            return empty(request.issue().getFileName().toString(), problems);
        }
        Pipeline.Typeset typeset = Pipeline.typeset(request, publication, issue, labels, problems);
        FontSet fonts = typeset.fonts();
        ChartCompiler charts = typeset.charts();
        FSObjectDrawerFactory drawers = typeset.drawers();
        IssueView view = typeset.view();

        List<ArticleInfo> articles = articles(issue, view, issuePdf, problems);
        List<Written> written = new ArrayList<>();
        if (problems.hasErrors() || !request.write()) {
            return result(issue, publication, view, articles, written, problems);
        }
        IssueLayout layout = new IssueLayout(request.templates());
        List<Path> roots = new ArrayList<>();
        roots.add(publication.root());
        request.templates().folder().ifPresent(roots::add);
        ZonedDateTime created = ZonedDateTime.of(issue.date().getYear(), issue.date().getMonthValue(), 1, 0, 0, 0, 0,
                ZoneOffset.UTC);
        Set<Path> wanted = only.stream().map(p -> p.toAbsolutePath().normalize()).collect(java.util.stream.Collectors.toSet());
        for (ArticleInfo article : articles) {
            if (!wanted.isEmpty() && !wanted.contains(article.file().toAbsolutePath().normalize())) {
                continue;
            }
            Problems own = new Problems();
            // An offprint carries the data of its own charts only (chart keys start with the article's key).
            // The offprint is one article: its language is the document's (catalog /Lang, dc:language).
            DocumentInfo info = new DocumentInfo(languageOf(issue, article.key(), publication.language()), created, charts.data().stream()
                    .filter(c -> c.key().startsWith(article.key() + "-chart-")).toList());
            String xhtml = layout.renderOffprint(alone(view, article.key()), own);
            PdfWriter.Result pdf = xhtml == null ? null : new PdfWriter(fonts, drawers).startingAtPage(article.firstPage())
                    .write(xhtml, roots, output.apply(article, slug(article.file())), info, own);
            for (Problem p : own.all()) {
                problems.add(p.file() == null ? new Problem(article.file(), 0, 0, p.severity(),
                        "Offprint: " + p.message()) : p);
            }
            if (pdf != null) {
                written.add(new Written(article, pdf.file(), pdf.pages(), pdf.bytes()));
            }
        }
        return result(issue, publication, view, articles, written, problems);
    }

    private static String languageOf(Issue issue, String key, String fallback) {
        return issue.articles().stream().filter(a -> a.key().equals(key)).map(Article::language)
                .filter(java.util.Objects::nonNull).findFirst().orElse(fallback);
    }

    /** The article's file name without its order prefix: {@code 03-media-cluster.md} → {@code media-cluster}. */
    static String slug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        String stripped = name.replaceFirst("^\\d+[-_]", "");
        return stripped.isEmpty() ? name : stripped;
    }

    /**
     * Pairs the issue's articles with the bookmarks of its PDF: both come from the same view in the
     * same order, so the n-th article bookmark is the n-th article. A PDF built from other sources
     * (articles added, removed or retitled since) is refused rather than numbered wrongly.
     */
    private static List<ArticleInfo> articles(Issue issue, IssueView view, Path issuePdf, Problems problems) {
        List<PdfFacts.Bookmark> bookmarks = null;
        if (issuePdf != null) {
            try {
                bookmarks = PdfFacts.read(issuePdf).articles();
            } catch (IOException e) {
                problems.error(issuePdf, 0, 0, "The issue PDF cannot be read for its page numbers: " + e.getMessage() + ".");
            }
        }
        List<ArticleInfo> infos = new ArrayList<>();
        List<Article> sources = issue.articles();
        int position = 0;
        for (IssueView.SectionView section : view.sections()) {
            for (IssueView.ArticleView article : section.articles()) {
                Article source = sources.get(position);
                int firstPage = 1;
                if (bookmarks != null) {
                    if (position >= bookmarks.size() || !sameTitle(bookmarks.get(position).title(), article.tocTitle())) {
                        problems.error(issuePdf, 0, 0, "The issue PDF does not match the sources (its bookmark "
                                + (position + 1) + " is not «" + article.tocTitle() + "»); build the issue again.");
                        bookmarks = null;
                    } else {
                        firstPage = bookmarks.get(position).page();
                    }
                }
                position++;
                infos.add(new ArticleInfo(position, source.key(), source.file(), section.title(), article.title(), firstPage,
                        article.lead(), article.region(), article.language()));
            }
        }
        return infos;
    }

    private static boolean sameTitle(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replace("\u00ad", "").replaceAll("\\s+", " ").strip();
    }

    /** The issue's view cut down to one article under its section heading, without the section intro. */
    private static IssueView alone(IssueView view, String key) {
        List<IssueView.SectionView> sections = new ArrayList<>();
        for (IssueView.SectionView s : view.sections()) {
            for (IssueView.ArticleView a : s.articles()) {
                if (a.anchor().equals("article-" + key)) {
                    sections.add(new IssueView.SectionView(s.id(), s.anchor(), s.title(), s.style(), null, List.of(a)));
                }
            }
        }
        return new IssueView(view.language(), view.title(), view.subtitle(), view.number(), view.issueLabel(),
                view.monthLabel(), view.documentTitle(), view.publisher(), view.brand(), view.coverImage(), view.coverAlt(),
                view.insideCoverHtml(), view.publications(), view.resources(), sections, view.backPageHtml(),
                view.labels(), view.meta(), List.of(), view.dateInText());
    }

    private static Result empty(String issueName, Problems problems) {
        return new Result(issueName, null, null, 0, null, null, List.of(), List.of(), problems.all());
    }

    private static Result result(Issue issue, Publication publication, IssueView view, List<ArticleInfo> articles,
                                 List<Written> written, Problems problems) {
        return new Result(issue.date().toString(), publication.title(), publication.language(), issue.number(), view.issueLabel(),
                view.monthLabel(), articles, written, problems.all());
    }
}

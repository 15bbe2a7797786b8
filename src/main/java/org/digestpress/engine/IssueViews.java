package org.digestpress.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.digestpress.chart.ChartCompiler;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueIndex;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.FontSet;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.digestpress.typography.TypesetFragment;

/**
 * The view model the templates lay out, assembled from the publication, the issue and the
 * rendered texts; and the one way to cut it down to one article (a preview, an offprint).
 */
final class IssueViews {

    private IssueViews() {
    }

    /**
     * The issue's view, every article's and text's rendering taken from {@code stages} (kept or
     * rendered now); the charts of everything the view shows are added to {@code charts}, and
     * every typeset text with its tree to {@code trees}, by the anchor the web edition gives it
     * (an article's or section's anchor, {@code inside}, {@code back}).
     */
    static IssueView of(Publication publication, Issue issue, Labels labels, Function<String, Labels> labelsFor,
                        ArticleStages stages, FontSet fonts, List<ChartCompiler> charts,
                        Map<String, TypesetFragment> trees, Problems problems) {
        Typographer typographer = Typographer.forLanguage(publication.language());
        List<IssueView.SectionView> sections = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Map<Path, ArticleStages.KeptArticle> current = stages.articles(publication, issue, labelsFor, fonts);
        for (IssueSection section : issue.sections()) {
            String intro = null;
            if (section.intro() != null) {
                ArticleStages.KeptText kept = stages.text(section.intro(), section.introFile(), 1,
                        "intro-" + section.section().id(), publication.language(), labelsFor);
                trees.put("section-" + section.section().id(), kept.typeset());
                intro = text(kept, charts, problems);
            }
            List<IssueView.ArticleView> views = new ArrayList<>();
            for (Article article : section.articles()) {
                ArticleStages.KeptArticle kept = current.get(article.file());
                views.add(kept.view());
                trees.put(kept.view().anchor(), kept.body());
                kept.problems().forEach(problems::add);
                charts.add(kept.charts());
                tags.addAll(article.tags());
            }
            sections.add(new IssueView.SectionView(section.section().id(), "section-" + section.section().id(),
                    typographer.text(section.section().title()), section.section().style(), intro, views));
        }
        String month = labels.month(issue.date().getMonthValue());
        String issueLabel = labels.format("issue_number", issue.number());
        String monthLabel = month + " " + issue.date().getYear();
        String subtitle = publication.subtitle() == null ? "" : publication.subtitle();
        // Inside a sentence the month is written as the language writes it there (июнь, June): a label.
        String dateInText = labels.monthInText(issue.date().getMonthValue()) + " " + issue.date().getYear();
        String documentTitle = publication.title() + (subtitle.isEmpty() ? "" : ". " + subtitle) + ". "
                + issueLabel + ", " + dateInText;
        var p = publication.publisher();
        var b = publication.brand();
        IssueView.Brand brand = new IssueView.Brand(b.primary(), b.accent(), b.text(), tint(b.primary(), 0.90),
                tint(b.accent(), 0.85), b.logo() == null ? null : b.logo().toUri().toString());
        ArticleStages.KeptText inside = stages.text(issue.insideCover(), issue.file(), issue.insideCoverLine(),
                "inside", publication.language(), labelsFor);
        trees.put("inside", inside.typeset());
        String insideCover = text(inside, charts, problems);
        ArticleStages.KeptText back = stages.text(publication.backPage(), publication.file(),
                publication.backPageLine(), "back", publication.language(), labelsFor);
        trees.put("back", back.typeset());
        String backPage = text(back, charts, problems);
        IssueView.Meta meta = new IssueView.Meta(documentTitle, p.name(), subtitle + ": " + issueLabel + ", " + dateInText,
                String.join(", ", tags), issue.date() == null ? null : issue.date().toString());
        return new IssueView(publication.language(), typographer.text(publication.title()), typographer.text(subtitle),
                issue.number(), issueLabel, monthLabel, documentTitle,
                new IssueView.Publisher(p.name(), p.parent(), p.address(), p.phone(), p.fax(), p.email(), p.web(),
                        p.copyright()),
                brand, issue.cover() == null ? null : issue.cover().file().toUri().toString(),
                issue.cover() == null || issue.cover().alt() == null ? null : typographer.text(issue.cover().alt()), insideCover,
                issue.publications().stream().map(l -> new IssueView.Link(typographer.text(l.title()), l.url())).toList(),
                publication.resources().stream().map(l -> new IssueView.Link(typographer.text(l.title()), l.url())).toList(),
                sections, backPage, labels.all(), meta,
                EmptyParts.withEntries(indexes(publication, issue, labels, typographer, problems)),
                dateInText);
    }

    private static String text(ArticleStages.KeptText kept, List<ChartCompiler> charts, Problems problems) {
        kept.problems().forEach(problems::add);
        charts.add(kept.charts());
        return kept.html();
    }

    /** The index pages publication.yaml asks for; entries point at the articles' anchors. */
    private static List<IssueView.IndexView> indexes(Publication publication, Issue issue, Labels labels,
                                                     Typographer typographer, Problems problems) {
        List<IssueView.IndexView> indexes = new ArrayList<>();
        for (String kind : publication.index()) {
            List<IssueIndex.Entry> entries = kind.equals("regions")
                    ? IssueIndex.regions(issue, publication.language(), problems)
                    : IssueIndex.tags(issue, publication.language());
            indexes.add(new IssueView.IndexView(kind, "index-" + kind, labels.all().getOrDefault("index_" + kind, kind),
                    entries.stream().map(e -> new IssueView.IndexEntry(typographer.text(e.name()),
                            e.articleKeys().stream().map(k -> "article-" + k).toList())).toList()));
        }
        return indexes;
    }

    /**
     * The view cut down to the article with {@code anchor} under its section heading, without
     * indexes; with the section's introduction only when {@code withIntro}. Null when the view has
     * no such article.
     */
    static IssueView alone(IssueView view, String anchor, boolean withIntro) {
        for (IssueView.SectionView s : view.sections()) {
            for (IssueView.ArticleView a : s.articles()) {
                if (a.anchor().equals(anchor)) {
                    return withSections(view, List.of(new IssueView.SectionView(s.id(), s.anchor(), s.title(),
                            s.style(), withIntro ? s.introHtml() : null, List.of(a))));
                }
            }
        }
        return null;
    }

    private static IssueView withSections(IssueView v, List<IssueView.SectionView> sections) {
        return new IssueView(v.language(), v.title(), v.subtitle(), v.number(), v.issueLabel(), v.monthLabel(),
                v.documentTitle(), v.publisher(), v.brand(), v.coverImage(), v.coverAlt(), v.insideCoverHtml(), v.publications(),
                v.resources(), sections, v.backPageHtml(), v.labels(), v.meta(), List.of(), v.dateInText());
    }

    /** The colour mixed with white: {@code amount} 0.9 keeps 10 % of the colour, for box backgrounds. */
    static String tint(String hex, double amount) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        r = (int) Math.round(r + (255 - r) * amount);
        g = (int) Math.round(g + (255 - g) * amount);
        b = (int) Math.round(b + (255 - b) * amount);
        return String.format("#%02x%02x%02x", r, g, b);
    }
}

package org.digestpress;

import java.awt.Color;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueIndex;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.References;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartObjectDrawer;
import org.digestpress.chart.ChartStyle;
import org.digestpress.markdown.MarkdownRenderer;
import org.digestpress.pdf.DocumentInfo;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.Manifest;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.digestpress.web.WebEdition;

/**
 * The whole build, stage after stage: content → markdown → typography → chart → layout → pdf.
 * Each stage adds its problems to one collection; the PDF is written only when none is an error.
 * This is the library's façade: the CLI and the tests call nothing else to build an issue.
 */
public final class Pipeline {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private Pipeline() {
    }

    /**
     * Turns off the libraries' own log output (JVM-wide). A command-line front end calls this
     * first: every problem reaches the user as a diagnostic with file and line, never a log line.
     */
    public static void silenceLibraryLogs() {
        org.digestpress.pdf.LibraryLogs.silence();
    }

    public static BuildResult build(BuildRequest request) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Publication publication = PublicationLoader.load(request.publication(), problems);
        if (publication == null) {
            return result(null, null, problems, start);
        }
        Path issueDir = request.issue();
        if (issueDir == null) {
            issueDir = IssueLoader.newestIssue(publication.root()).orElse(null);
            if (issueDir == null) {
                problems.error(publication.root(), 0, 0, "The publication has no issue folder yet; create one named "
                        + "like 2025-06 with an issue.yaml (or run 'digest new').");
                return result(null, null, problems, start);
            }
        }
        Labels labels = Labels.load(request.templates(), publication.language(), problems);
        Issue issue = IssueLoader.load(publication, issueDir, request.drafts(), problems);
        if (issue == null) {
            return result(null, issueDir.getFileName().toString(), problems, start);
        }

        Typeset typeset = typeset(request, publication, issue, labels, problems);
        FontSet fonts = typeset.fonts();
        ChartCompiler charts = typeset.charts();
        FSObjectDrawerFactory drawers = typeset.drawers();
        IssueView view = typeset.view();
        String xhtml = new IssueLayout(request.templates()).render(view, problems);
        if (xhtml == null || problems.hasErrors() || !request.write()) {
            return result(null, issue.date().toString(), problems, start);
        }
        Path output = request.output() != null ? request.output() : Path.of("out", issue.date() + ".pdf");
        var refused = OutputCheck.output(request, output);
        if (refused.isPresent()) {
            problems.error(null, 0, 0, refused.get());
            return result(null, issue.date().toString(), problems, start);
        }
        List<Path> roots = new ArrayList<>();
        roots.add(publication.root());
        request.templates().folder().ifPresent(roots::add);
        DocumentInfo info = new DocumentInfo(publication.language(),
                ZonedDateTime.of(issue.date().getYear(), issue.date().getMonthValue(), 1, 0, 0, 0, 0, ZoneOffset.UTC),
                charts.data());
        PdfWriter.Result written = new PdfWriter(fonts, drawers).write(xhtml, roots, output, info, problems);
        if (written == null) {
            return result(null, issue.date().toString(), problems, start);
        }
        try {
            Manifest.write(written.file(), written.pages(), issue.date().toString(), publication.root(),
                    inputs(publication, issue));
        } catch (java.io.IOException e) {
            problems.error(output, 0, 0, "The manifest next to the PDF cannot be written: " + e.getMessage() + ".");
        }
        Path web = null;
        if (request.web() || publication.web()) {
            // The web edition: the same typeset view, in its own folder beside the PDF.
            web = new WebEdition(request.templates(), request.fonts(), charts).write(view, written.file(),
                    written.file().toAbsolutePath().getParent().resolve(issue.date().toString()), problems);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildResult(written.file(), written.pages(), written.bytes(), millis, issue.date().toString(),
                problems.all(), web);
    }

    /** The issue folders of a publication ({@code YYYY-MM}), oldest first. */
    public static List<Path> issueFolders(Path publication) {
        return IssueLoader.issueFolders(publication.toAbsolutePath().normalize());
    }

    /**
     * Renders articles of an issue alone, each paged as in the issue: see {@link Offprints}.
     *
     * @param request  the issue folder, templates and fonts ({@code output} is ignored)
     * @param issuePdf the built issue whose bookmarks give the first pages, or null to start at page 1
     * @param only     article files to render, empty for all
     * @param output   the PDF for an article, given the article and the slug of its file name
     */
    public static Offprints.Result offprints(BuildRequest request, Path issuePdf, Set<Path> only,
                                             java.util.function.BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return Offprints.render(request, issuePdf, only, output);
    }

    /** Every file of the publication the issue is built from, for the manifest. */
    private static List<Path> inputs(Publication publication, Issue issue) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(publication.file());
        if (publication.brand().logo() != null) {
            inputs.add(publication.brand().logo());
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(issue.dir())) {
            // A stray link to a file outside (not an article) must not have that file read for its hash.
            files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> org.digestpress.assets.Confinement.inside(f, publication.root()))
                    .forEach(inputs::add);
        } catch (java.io.IOException e) {
            // the issue was just read; a folder that vanished meanwhile only shortens the list
        }
        return inputs;
    }

    private static BuildResult result(Path pdf, String issueName, Problems problems, long start) {
        return new BuildResult(pdf, 0, 0, (System.nanoTime() - start) / 1_000_000, issueName, problems.all());
    }

    /** The issue after the markdown, typography and chart stages: what layout and the PDF writer need. */
    record Typeset(FontSet fonts, ChartCompiler charts, FSObjectDrawerFactory drawers, IssueView view) {
    }

    /** Runs the stages up to the typeset view; the issue build and the offprints share it. */
    static Typeset typeset(BuildRequest request, Publication publication, Issue issue, Labels labels,
                           Problems problems) {
        FontSet fonts = FontSet.load(request.fonts());
        // Fonts are registered with AWT (FontSet.load) before any chart is built.
        ChartCompiler charts = new ChartCompiler(ChartStyle.fromBrand(FontSet.SANS,
                Color.decode(publication.brand().primary()), Color.decode(publication.brand().accent()),
                Color.decode(publication.brand().text())), publication.root());
        FSObjectDrawerFactory drawers = ChartObjectDrawer.objectDrawerFactory(charts);
        References references = new References(publication.root());
        // Labels follow each article's language; a language is loaded once, the publication's up front.
        // Concurrent: articles are rendered in parallel and ask for their labels as they go.
        java.util.Map<String, Labels> labelsByLanguage = new java.util.concurrent.ConcurrentHashMap<>();
        labelsByLanguage.put(labels.language(), labels);
        java.util.function.Function<String, Labels> labelsFor = language -> labelsByLanguage.computeIfAbsent(
                language.split("-")[0].toLowerCase(Locale.ROOT), l -> Labels.load(request.templates(), l, problems));
        MarkdownRenderer markdown = new MarkdownRenderer(references, labelsFor, charts);
        IssueView view = view(publication, issue, labels, labelsFor, markdown, fonts, problems);
        return new Typeset(fonts, charts, drawers, view);
    }

    private static IssueView view(Publication publication, Issue issue, Labels labels,
                                  java.util.function.Function<String, Labels> labelsFor, MarkdownRenderer markdown,
                                  FontSet fonts, Problems problems) {
        Typographer typographer = Typographer.forLanguage(publication.language());
        List<IssueView.SectionView> sections = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        // Articles are independent: markdown, charts and typography run for all of them in parallel,
        // each into its own problems, and results and problems are taken back in issue order, so
        // the document and the report are the same as one after the other.
        List<Article> all = issue.sections().stream().flatMap(s -> s.articles().stream()).toList();
        List<ArticleResult> done = all.parallelStream().map(article -> {
            Problems own = new Problems();
            return new ArticleResult(article(article, markdown, labelsFor.apply(article.language()), fonts,
                    publication.language(), own), own);
        }).toList();
        int next = 0;
        for (IssueSection section : issue.sections()) {
            String intro = null;
            if (section.intro() != null) {
                intro = typographer.fragment(markdown.render(section.intro(), section.introFile(), 1,
                        "intro-" + section.section().id(), publication.language(), problems));
            }
            List<IssueView.ArticleView> articles = new ArrayList<>();
            for (Article article : section.articles()) {
                ArticleResult result = done.get(next++);
                articles.add(result.view());
                problems.addAll(result.problems());
                tags.addAll(article.tags());
            }
            sections.add(new IssueView.SectionView(section.section().id(), "section-" + section.section().id(),
                    typographer.text(section.section().title()), section.section().style(), intro, articles));
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
        String insideCover = typographer.fragment(markdown.render(issue.insideCover(), issue.file(),
                issue.insideCoverLine(), "inside", publication.language(), problems));
        String backPage = typographer.fragment(markdown.render(publication.backPage(), publication.file(),
                publication.backPageLine(), "back", publication.language(), problems));
        IssueView.Meta meta = new IssueView.Meta(documentTitle, p.name(), subtitle + ": " + issueLabel + ", " + dateInText,
                String.join(", ", tags));
        return new IssueView(publication.language(), typographer.text(publication.title()), typographer.text(subtitle),
                issue.number(), issueLabel, monthLabel, documentTitle,
                new IssueView.Publisher(p.name(), p.parent(), p.address(), p.phone(), p.fax(), p.email(), p.web(),
                        p.copyright()),
                brand, issue.cover() == null ? null : issue.cover().file().toUri().toString(), insideCover,
                issue.publications().stream().map(l -> new IssueView.Link(typographer.text(l.title()), l.url())).toList(),
                publication.resources().stream().map(l -> new IssueView.Link(typographer.text(l.title()), l.url())).toList(),
                sections, backPage, labels.all(), meta, indexes(publication, issue, labels, typographer, problems),
                dateInText);
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

    private record ArticleResult(IssueView.ArticleView view, Problems problems) {
    }

    private static IssueView.ArticleView article(Article article, MarkdownRenderer markdown, Labels labels,
                                                 FontSet fonts, String publicationLanguage, Problems problems) {
        Typographer typographer = Typographer.forLanguage(article.language());
        if (!Typographer.supports(article.language()) && !article.language().equals(publicationLanguage)) {
            problems.warning(article.file(), languageLine(article), 0, "The language '" + article.language()
                    + "' has no hyphenation patterns or typographic rules (these languages have: "
                    + String.join(", ", Typographer.LANGUAGES) + "); the article is set without them.");
        }
        String body = markdown.render(article.body(), article.file(), article.bodyFirstLine(), article.key(),
                article.language(), problems);
        String bodyHtml = typographer.fragment(body);
        String title = typographer.text(article.title());
        String lead = article.lead() == null ? null : typographer.prose(article.lead());
        var image = article.image();
        String everything = title + " " + (lead == null ? "" : lead) + " " + TAGS.matcher(bodyHtml).replaceAll(" ")
                + (image == null ? "" : " " + image.caption() + " " + image.credit());
        Set<String> missing = fonts.uncovered(everything);
        if (!missing.isEmpty()) {
            problems.warning(article.file(), article.bodyFirstLine(), 0, "No bundled font has the character(s) "
                    + String.join(" ", missing.stream().map(s -> s + " (U+" + String.format("%04X", s.codePointAt(0)) + ")").toList())
                    + "; they would print as '#'. Replace them or add a font that has them.");
        }
        return new IssueView.ArticleView("article-" + article.key(), title, title, lead, article.region(),
                article.tags(), image == null ? null : image.file().toUri().toString(),
                image == null ? null : image.alt(), image == null ? null : typographer.text(nullToEmpty(image.caption())),
                image == null ? null : image.credit(), bodyHtml,
                article.source() == null ? null : article.source().name(),
                article.source() == null ? null : article.source().url(), article.language(), labels.all());
    }

    /** The line of the front matter's 'language:' key, for the warning; the first line when not found. */
    private static int languageLine(Article article) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(article.file())) {
            List<String> head = lines.limit(article.bodyFirstLine()).toList();
            for (int i = 0; i < head.size(); i++) {
                if (head.get(i).startsWith("language:")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // the file was read moments ago; without it the warning names the first line
        }
        return 1;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
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

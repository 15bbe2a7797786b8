package org.digestpress;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import org.digestpress.assets.Assets;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartObjectDrawer;
import org.digestpress.chart.ChartStyle;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.References;
import org.digestpress.content.Source;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.markdown.MarkdownRenderer;
import org.digestpress.pdf.DocumentInfo;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.Manifest;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.InternalFailure;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.digestpress.problem.StageClock;
import org.digestpress.typography.Typographer;
import org.digestpress.web.WebEdition;

/**
 * A resident build engine: what a process loads once (fonts parsed and registered, the FreeMarker
 * configuration with its parsed templates, the chart style) stays here between builds, and the
 * per-article work (Markdown, typography, charts) is kept per article, keyed by the article's
 * content and the content of every file it names (CSV, images). An edit to one article re-runs
 * those stages for that article only, and so does a change of the labels of the article's own
 * language (an English article in a Russian issue is labelled in English); a change of
 * {@code publication.yaml} or of the publication's labels drops every kept article; a change of the
 * templates folder reloads the templates. Layout and PDF writing always run for the whole issue:
 * page numbers depend on everything.
 *
 * <p>The stages themselves are the issue build's, here only: {@link Pipeline#typeset} (the
 * offprints) runs them on a fresh workspace.
 *
 * <p>{@link Pipeline#build} uses a fresh workspace once; {@code digest serve} and
 * {@code digest preview --watch} keep one. Builds on one workspace run one at a time.
 */
public final class Workspace {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    /** The extension of what an article can name that a build reads: CSV data and pictures. */
    private static final Pattern NAMED_EXTENSION = Pattern.compile("\\.(?i:csv|svg|png|jpe?g)");
    private static final Pattern ANCHORS = Pattern.compile("(article|section)-.*");

    /** One table of contents line of the last build: a section or an article, with its first page. */
    public record Entry(String section, String title, Path file, String anchor, int page) {
        public boolean isSection() {
            return file == null;
        }
    }

    /**
     * A build with what a live preview shows besides the PDF.
     *
     * @param sourceMap where each block of the PDF comes from (empty when nothing was written)
     */
    public record IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents,
                             org.digestpress.pdf.SourceMap sourceMap) {
        public IssueBuild {
            contents = List.copyOf(contents);
        }

        public IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents) {
            this(result, publicationRoot, contents, org.digestpress.pdf.SourceMap.empty());
        }
    }

    private FontSet fonts;
    private String fontsSource;
    private IssueLayout layout;
    private String templatesSource;
    private String templatesStamp;
    private Shared shared;
    /** The labels by language for the build under way; the kept Markdown renderer asks through it. */
    private java.util.function.Function<String, Labels> labelsFor = language -> {
        throw new IllegalStateException("labels are asked for outside a build");
    };
    private final Map<Path, KeptArticle> articles = new HashMap<>();
    private final Map<List<Object>, KeptText> texts = new HashMap<>();
    /** First page of an article in the whole issue, by a hash of the document before it. */
    private final Map<String, Integer> startPages = new HashMap<>();

    /** What every article's rendering depends on besides the article itself. */
    private record Shared(List<Object> key, MarkdownRenderer markdown, ChartCompiler charts,
                          FSObjectDrawerFactory drawers) {
    }

    /**
     * An article rendered once, valid while the article, the files it names and the labels of its
     * language are unchanged.
     */
    private record KeptArticle(Article article, Map<Path, String> inputs, List<Object> labels,
                               IssueView.ArticleView view, List<Problem> problems) {
    }

    private record KeptText(String html, List<Problem> problems) {
    }

    /** Forgets everything loaded: the next build starts cold (after a font was replaced, say). */
    public synchronized void reset() {
        fonts = null;
        fontsSource = null;
        layout = null;
        templatesSource = null;
        shared = null;
        articles.clear();
        texts.clear();
        startPages.clear();
    }

    public synchronized BuildResult build(BuildRequest request) {
        return buildIssue(request).result();
    }

    /** Builds the issue and also answers its table of contents with first pages. */
    public synchronized IssueBuild buildIssue(BuildRequest request) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        StageClock.start("build");
        Loaded loaded = load(request, problems);
        StageClock.mark("publication and issue read, fonts loaded");
        if (loaded.issue == null || loaded.publication == null) {
            return new IssueBuild(result(null, loaded.issueName, problems, start),
                    loaded.publication == null ? null : loaded.publication.root(), List.of());
        }
        Publication publication = loaded.publication;
        Issue issue = loaded.issue;
        IssueView view = view(publication, issue, loaded.labels, problems);
        EmptyParts.report(publication, issue, view, loaded.labels, problems);
        StageClock.mark("articles: markdown, typography, charts");
        String xhtml = layout(request.templates()).render(view, problems);
        StageClock.mark("templates: the issue as one XHTML document");
        if (xhtml == null || problems.hasErrors() || !request.write()) {
            return new IssueBuild(result(null, issue.date().toString(), problems, start), publication.root(),
                    List.of());
        }
        Path output = request.output() != null ? request.output() : Path.of("out", issue.date() + ".pdf");
        var refused = OutputCheck.output(request, output);
        refused.ifPresent(r -> problems.error(null, 0, 0, r));
        // The web edition is made before the PDF, so its every file is checked before anything is written.
        Path webFolder = WebEdition.folderFor(output, issue.date().toString());
        WebEdition.Page webPage = !(request.web() || publication.web()) ? null
                : new WebEdition(request.templates(), request.fonts(), shared.charts).prepare(view,
                        output.getFileName().toString(), problems);
        if (webPage != null && refused.isEmpty()) {
            OutputCheck.webEdition(request, output, webFolder, webPage.outputs()).forEach(r -> problems.error(null, 0, 0, r));
        }
        if (problems.hasErrors()) {
            return new IssueBuild(result(null, issue.date().toString(), problems, start), publication.root(),
                    List.of());
        }
        PdfWriter.Result written = new PdfWriter(fonts, shared.drawers).write(xhtml, roots(publication, request),
                output, documentInfo(publication, issue, xhtml), problems, ANCHORS);
        if (written == null) {
            return new IssueBuild(result(null, issue.date().toString(), problems, start), publication.root(),
                    List.of());
        }
        StageClock.mark("PDF written");
        rememberStartPages(xhtml, view, written.anchors());
        try {
            Manifest.write(written.file(), written.pages(), issue.date().toString(), publication.root(),
                    inputs(publication, issue));
        } catch (IOException e) {
            problems.error(output, 0, 0, "The manifest next to the PDF cannot be written: " + e.getMessage() + ".");
        }
        Path web = webPage == null ? null : webPage.write(written.file(), webFolder, publication.root(), problems);
        long millis = (System.nanoTime() - start) / 1_000_000;
        BuildResult result = new BuildResult(written.file(), written.pages(), written.bytes(), millis,
                issue.date().toString(), problems.all(), web);
        return new IssueBuild(result, publication.root(), contents(issue, view, written.anchors()),
                written.sourceMap().withFiles(SourceFiles.of(publication, issue)));
    }

    /**
     * Lays the whole issue out as the build does, without drawing it, and answers where each block
     * of it is printed ({@code digest preview --page-of}); empty after reporting problems.
     */
    public synchronized org.digestpress.pdf.SourceMap sourceMap(BuildRequest request, Problems problems) {
        Loaded loaded = load(request, problems);
        if (loaded.issue == null || loaded.publication == null) {
            return org.digestpress.pdf.SourceMap.empty();
        }
        IssueView view = view(loaded.publication, loaded.issue, loaded.labels, problems);
        String xhtml = layout(request.templates()).render(view, problems);
        if (xhtml == null || problems.hasErrors()) {
            return org.digestpress.pdf.SourceMap.empty();
        }
        PdfWriter.Layout laid = new PdfWriter(fonts, shared.drawers).layOut(xhtml, roots(loaded.publication, request),
                ANCHORS, problems);
        rememberStartPages(xhtml, view, laid.anchors());
        return laid.sourceMap().withFiles(SourceFiles.of(loaded.publication, loaded.issue));
    }

    /**
     * Typesets one article of the issue alone, with the issue's styles, its figure and table
     * numbers, and the page numbers it has in the whole issue (an article that starts on page 24
     * starts on page 24 here too). No cover, contents or back page; the section's opener and
     * introduction only when the article opens its section, as on its first page in the issue. The
     * whole issue is laid out only when what comes before the article changed since the last time.
     *
     * @param article the article's Markdown file, inside the request's issue folder
     * @param output  where to write the PDF
     */
    public synchronized BuildResult excerpt(BuildRequest request, Path article, Path output) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Path wanted = article.toAbsolutePath().normalize();
        Loaded loaded = load(request, problems);
        if (loaded.issue == null || loaded.publication == null) {
            return result(null, loaded.issueName, problems, start);
        }
        Publication publication = loaded.publication;
        Issue issue = loaded.issue;
        IssueSection home = null;
        Article found = null;
        for (IssueSection section : issue.sections()) {
            for (Article a : section.articles()) {
                if (a.file().toAbsolutePath().normalize().equals(wanted)) {
                    home = section;
                    found = a;
                }
            }
        }
        if (found == null && !request.drafts()) {
            // The article being written is usually still a draft: typeset the issue as --drafts does.
            return excerpt(new BuildRequest(request.publication(), request.issue(), request.output(), true,
                    request.write(), request.templates(), request.fonts()), article, output);
        }
        if (found == null) {
            if (!problems.hasErrors()) {
                problems.error(wanted, 0, 0, "This file is not an article of the issue " + issue.dir().getFileName()
                        + (request.drafts() ? "" : " (if it is a draft, add --drafts)") + ".");
            }
            return result(null, issue.date().toString(), problems, start);
        }
        IssueView view = view(publication, issue, loaded.labels, problems);
        IssueLayout issueLayout = layout(request.templates());
        String xhtml = issueLayout.render(view, problems);
        if (xhtml == null || problems.hasErrors()) {
            return result(null, issue.date().toString(), problems, start);
        }
        var refused = OutputCheck.output(request, output);
        if (refused.isPresent()) {
            problems.error(null, 0, 0, refused.get());
            return result(null, issue.date().toString(), problems, start);
        }
        String anchor = "article-" + found.key();
        List<Path> roots = roots(publication, request);
        PdfWriter writer = new PdfWriter(fonts, shared.drawers);
        String before = before(xhtml, anchor);
        Integer first = startPages.get(before);
        if (first == null) {
            Map<String, Integer> pages = writer.pagesOf(xhtml, roots, ANCHORS, problems);
            rememberStartPages(xhtml, view, pages);
            first = pages.getOrDefault(anchor, 1);
        }
        String sectionId = home.section().id();
        IssueView.SectionView sectionView = view.sections().stream().filter(s -> s.id().equals(sectionId))
                .findFirst().orElseThrow();
        IssueView.ArticleView articleView = sectionView.articles().stream().filter(a -> a.anchor().equals(anchor))
                .findFirst().orElseThrow();
        IssueView alone = withSections(view, List.of(new IssueView.SectionView(sectionView.id(),
                sectionView.anchor(), sectionView.title(), sectionView.style(), sectionView.introHtml(),
                List.of(articleView))));
        boolean opensSection = home.articles().get(0) == found;
        String part = issueLayout.renderExcerpt(alone, opensSection, problems);
        if (part == null || problems.hasErrors()) {
            return result(null, issue.date().toString(), problems, start);
        }
        PdfWriter.Result written = writer.startingAtPage(first).write(part, roots, output,
                documentInfo(publication, issue, part), problems);
        if (written == null) {
            return result(null, issue.date().toString(), problems, start);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildResult(written.file(), written.pages(), written.bytes(), millis, issue.date().toString(),
                problems.all());
    }

    /** A hash of the document before the article: what decides the page the article starts on. */
    private static String before(String xhtml, String anchor) {
        int at = xhtml.indexOf("id=\"" + anchor + "\"");
        return at < 0 ? "" : sha256(xhtml.substring(0, at));
    }

    private void rememberStartPages(String xhtml, IssueView view, Map<String, Integer> anchors) {
        if (startPages.size() > 10_000) {
            startPages.clear();
        }
        // Every article's prefix hashed in one sweep (a digest cloned at each article start), not
        // each prefix from the start: that was quadratic, 2.4 s of a 300-page issue's build.
        Map<Integer, Integer> pageAt = new java.util.TreeMap<>();
        for (IssueView.SectionView section : view.sections()) {
            for (IssueView.ArticleView article : section.articles()) {
                Integer page = anchors.get(article.anchor());
                int at = xhtml.indexOf("id=\"" + article.anchor() + "\"");
                if (page != null && at >= 0) {
                    pageAt.put(at, page);
                }
            }
        }
        java.security.MessageDigest digest = newSha256();
        int done = 0;
        for (Map.Entry<Integer, Integer> entry : pageAt.entrySet()) {
            digest.update(xhtml.substring(done, entry.getKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            done = entry.getKey();
            try {
                java.security.MessageDigest copy = (java.security.MessageDigest) digest.clone();
                startPages.put(java.util.HexFormat.of().formatHex(copy.digest()), entry.getValue());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }
    }

    private static IssueView withSections(IssueView v, List<IssueView.SectionView> sections) {
        return new IssueView(v.language(), v.title(), v.subtitle(), v.number(), v.issueLabel(), v.monthLabel(),
                v.documentTitle(), v.publisher(), v.brand(), v.coverImage(), v.coverAlt(), v.insideCoverHtml(), v.publications(),
                v.resources(), sections, v.backPageHtml(), v.labels(), v.meta(), List.of(), v.dateInText());
    }

    private static List<Entry> contents(Issue issue, IssueView view, Map<String, Integer> anchors) {
        List<Entry> entries = new ArrayList<>();
        for (int s = 0; s < view.sections().size(); s++) {
            IssueView.SectionView section = view.sections().get(s);
            entries.add(new Entry(section.title(), section.title(), null, section.anchor(),
                    anchors.getOrDefault(section.anchor(), 0)));
            List<Article> sources = issue.sections().get(s).articles();
            for (int a = 0; a < section.articles().size(); a++) {
                IssueView.ArticleView article = section.articles().get(a);
                entries.add(new Entry(section.title(), article.tocTitle(), sources.get(a).file(), article.anchor(),
                        anchors.getOrDefault(article.anchor(), 0)));
            }
        }
        return entries;
    }

    private record Loaded(Publication publication, Issue issue, Labels labels, String issueName) {
    }

    /** Reads the publication and the issue (front matter is re-read on every build: it is cheap). */
    private Loaded load(BuildRequest request, Problems problems) {
        Publication publication = PublicationLoader.load(request.publication(), problems);
        if (publication == null) {
            return new Loaded(null, null, null, null);
        }
        Path issueDir = request.issue();
        if (issueDir == null) {
            issueDir = IssueLoader.newestIssue(publication.root()).orElse(null);
            if (issueDir == null) {
                problems.error(publication.root(), 0, 0, "The publication has no issue folder yet; create one named "
                        + "like 2025-06 with an issue.yaml (or run 'digest new').");
                return new Loaded(publication, null, null, null);
            }
        }
        Labels labels = Labels.load(request.templates(), publication.language(), problems);
        Issue issue = IssueLoader.load(publication, issueDir, request.drafts(), problems);
        if (issue == null) {
            return new Loaded(publication, null, labels, issueDir.getFileName().toString());
        }
        prepare(request, publication, labels, problems);
        return new Loaded(publication, issue, labels, issue.date().toString());
    }

    /**
     * Loads fonts once, and renews what articles depend on when the publication or its labels
     * changed. Labels of other languages are read again on every build (they are small) and loaded
     * once per build, the publication's up front; their problems go to this build.
     */
    private void prepare(BuildRequest request, Publication publication, Labels labels, Problems problems) {
        if (fonts == null || !request.fonts().describe().equals(fontsSource)) {
            fonts = FontSet.load(request.fonts());
            fontsSource = request.fonts().describe();
            shared = null;
        }
        // Concurrent: articles are rendered in parallel and their Markdown asks for labels as it goes.
        Map<String, Labels> labelsByLanguage = new java.util.concurrent.ConcurrentHashMap<>();
        labelsByLanguage.put(labels.language(), labels);
        labelsFor = language -> labelsByLanguage.computeIfAbsent(
                language.split("-")[0].toLowerCase(Locale.ROOT), l -> Labels.load(request.templates(), l, problems));
        List<Object> key = List.of(publication, labelsKey(labels));
        if (shared == null || !shared.key.equals(key)) {
            // Fonts are registered with AWT (FontSet.load) before any chart is built.
            ChartCompiler charts = new ChartCompiler(ChartStyle.fromBrand(FontSet.SANS,
                    Color.decode(publication.brand().primary()), Color.decode(publication.brand().accent()),
                    Color.decode(publication.brand().text())), publication.root());
            MarkdownRenderer markdown = new MarkdownRenderer(new References(publication.root()),
                    language -> labelsFor.apply(language), charts);
            shared = new Shared(key, markdown, charts, ChartObjectDrawer.objectDrawerFactory(charts));
            articles.clear();
            texts.clear();
        }
        // Charts of kept articles were compiled in an earlier build: a chart that fails only when
        // drawn is reported to the build drawing it.
        shared.charts.reportDrawingFailuresTo(problems);
    }

    /** Everything of a language's labels a rendering can use, comparable between builds. */
    private static List<Object> labelsKey(Labels labels) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(labels.month(m));
            months.add(labels.monthInText(m));
        }
        return List.of(labels.language(), new java.util.TreeMap<>(labels.all()), months);
    }

    /**
     * The stages up to the typeset view for one issue, as the build runs them: what the offprints
     * need (on a fresh workspace, see {@link Pipeline#typeset}).
     */
    Pipeline.Typeset typeset(BuildRequest request, Publication publication, Issue issue, Labels labels,
                             Problems problems) {
        prepare(request, publication, labels, problems);
        IssueView view = view(publication, issue, labels, problems);
        return new Pipeline.Typeset(fonts, shared.charts, shared.drawers, view);
    }

    /** The templates, reparsed only when a file in the templates folder changed. */
    private IssueLayout layout(Assets templates) {
        String stamp = stamp(templates);
        if (layout == null || !templates.describe().equals(templatesSource) || !stamp.equals(templatesStamp)) {
            layout = new IssueLayout(templates);
            templatesSource = templates.describe();
            templatesStamp = stamp;
        }
        return layout;
    }

    private static String stamp(Assets templates) {
        if (templates.folder().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(templates.folder().get())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append(file).append(' ').append(Files.getLastModifiedTime(file).toMillis()).append(' ')
                        .append(Files.size(file)).append('\n');
            }
        } catch (IOException e) {
            return "unreadable " + System.nanoTime();
        }
        return out.toString();
    }

    private static List<Path> roots(Publication publication, BuildRequest request) {
        List<Path> roots = new ArrayList<>();
        roots.add(publication.root());
        request.templates().folder().ifPresent(roots::add);
        return roots;
    }

    /**
     * The issue's date and language, and the data of the charts {@code xhtml} shows: the kept chart
     * compiler also holds charts of articles since edited or removed, which must not be attached.
     */
    private DocumentInfo documentInfo(Publication publication, Issue issue, String xhtml) {
        return new DocumentInfo(publication.language(),
                ZonedDateTime.of(issue.date().getYear(), issue.date().getMonthValue(), 1, 0, 0, 0, 0, ZoneOffset.UTC),
                shared.charts.data().stream().filter(c -> xhtml.contains("data-chart=\"" + attribute(c.key()) + "\""))
                        .toList());
    }

    /** A chart key as the chart stage writes it into the placeholder's attribute. */
    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Every file of the publication the issue is built from, for the manifest. */
    private static List<Path> inputs(Publication publication, Issue issue) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(publication.file());
        if (publication.brand().logo() != null) {
            inputs.add(publication.brand().logo());
        }
        try (Stream<Path> files = Files.walk(issue.dir())) {
            // A stray link to a file outside (not an article) must not have that file read for its hash.
            files.filter(Files::isRegularFile)
                    .filter(f -> org.digestpress.assets.Confinement.inside(f, publication.root()))
                    .forEach(inputs::add);
        } catch (IOException e) {
            // the issue was just read; a folder that vanished meanwhile only shortens the list
        }
        return inputs;
    }

    private static BuildResult result(Path pdf, String issueName, Problems problems, long start) {
        return new BuildResult(pdf, 0, 0, (System.nanoTime() - start) / 1_000_000, issueName, problems.all());
    }

    private IssueView view(Publication publication, Issue issue, Labels labels, Problems problems) {
        Typographer typographer = Typographer.forLanguage(publication.language());
        List<IssueView.SectionView> sections = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Map<Path, KeptArticle> current = articles(publication, issue);
        for (IssueSection section : issue.sections()) {
            String intro = null;
            if (section.intro() != null) {
                intro = text(section.intro(), section.introFile(), 1, "intro-" + section.section().id(),
                        publication.language(), problems);
            }
            List<IssueView.ArticleView> views = new ArrayList<>();
            for (Article article : section.articles()) {
                KeptArticle kept = current.get(article.file());
                views.add(kept.view);
                kept.problems.forEach(problems::add);
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
        String insideCover = text(issue.insideCover(), issue.file(), issue.insideCoverLine(), "inside",
                publication.language(), problems);
        String backPage = text(publication.backPage(), publication.file(), publication.backPageLine(), "back",
                publication.language(), problems);
        IssueView.Meta meta = new IssueView.Meta(documentTitle, p.name(), subtitle + ": " + issueLabel + ", " + dateInText,
                String.join(", ", tags));
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

    /** The index pages publication.yaml asks for; entries point at the articles' anchors. */
    private static List<IssueView.IndexView> indexes(Publication publication, Issue issue, Labels labels,
                                                     Typographer typographer, Problems problems) {
        List<IssueView.IndexView> indexes = new ArrayList<>();
        for (String kind : publication.index()) {
            List<org.digestpress.content.IssueIndex.Entry> entries = kind.equals("regions")
                    ? org.digestpress.content.IssueIndex.regions(issue, publication.language(), problems)
                    : org.digestpress.content.IssueIndex.tags(issue, publication.language());
            indexes.add(new IssueView.IndexView(kind, "index-" + kind, labels.all().getOrDefault("index_" + kind, kind),
                    entries.stream().map(e -> new IssueView.IndexEntry(typographer.text(e.name()),
                            e.articleKeys().stream().map(k -> "article-" + k).toList())).toList()));
        }
        return indexes;
    }

    /** Markdown outside articles (section intros, inside cover, back page), rendered once per text. */
    private String text(String markdown, Path file, int line, String prefix, String language, Problems problems) {
        List<Object> key = List.of(markdown == null ? "" : markdown, String.valueOf(file), line, prefix, language,
                labelsKey(labelsFor.apply(language)));
        KeptText kept = texts.get(key);
        if (kept == null) {
            Problems own = new Problems();
            MarkdownRenderer renderer = shared.markdown;
            String html = StageThreads.call(() -> {
                try {
                    return Typographer.forLanguage(language).fragment(
                            renderer.render(markdown, file, line, prefix, language, own));
                } catch (StackOverflowError e) {
                    own.error(file, line, 0, TOO_DEEP);
                } catch (RuntimeException e) {
                    own.error(file, line, 0, "This text could not be typeset: " + InternalFailure.describe(e) + ".");
                }
                return "";
            });
            kept = new KeptText(html, own.all());
            if (texts.size() > 1000) {
                texts.clear();
            }
            texts.put(key, kept);
        }
        kept.problems.forEach(problems::add);
        return kept.html;
    }

    /**
     * Every article's view: what was kept when neither the article, a file it names nor its
     * language's labels changed, the others rendered again. Articles are independent, so those run
     * in parallel, each into its own problems; the caller takes views and problems in issue order,
     * so the document and the report are the same as one after the other. Articles no longer in
     * the issue are forgotten.
     */
    private Map<Path, KeptArticle> articles(Publication publication, Issue issue) {
        Path root = publication.root();
        record Stale(Article article, Map<Path, String> inputs, Labels labels, List<Object> labelsKey) {
        }
        Map<Path, KeptArticle> current = new HashMap<>();
        List<Stale> stale = new ArrayList<>();
        for (IssueSection section : issue.sections()) {
            for (Article article : section.articles()) {
                Map<Path, String> inputs = namedFiles(article, root);
                Labels labels = labelsFor.apply(article.language());
                List<Object> labelsKey = labelsKey(labels);
                KeptArticle kept = articles.get(article.file());
                if (kept == null || !kept.article.equals(article) || !kept.inputs.equals(inputs)
                        || !kept.labels.equals(labelsKey)) {
                    stale.add(new Stale(article, inputs, labels, labelsKey));
                } else {
                    current.put(article.file(), kept);
                }
            }
        }
        MarkdownRenderer markdown = shared.markdown;
        FontSet fontSet = fonts;
        List<KeptArticle> rendered = StageThreads.map(stale, s -> {
            Problems own = new Problems();
            IssueView.ArticleView view = renderOrReport(s.article, markdown, s.labels, fontSet, publication.language(),
                    own);
            return new KeptArticle(s.article, s.inputs, s.labelsKey, view, own.all());
        });
        rendered.forEach(kept -> current.put(kept.article.file(), kept));
        articles.clear();
        articles.putAll(current);
        return current;
    }

    /**
     * The files an article names (its image, CSV data, pictures in the text) with a hash of their
     * content, or "absent": a cached rendering is used only while all of these are unchanged.
     */
    private static Map<Path, String> namedFiles(Article article, Path root) {
        Map<Path, String> inputs = new java.util.TreeMap<>();
        Path folder = article.file().toAbsolutePath().getParent();
        StringBuilder text = new StringBuilder(article.body());
        if (article.image() != null) {
            inputs.put(article.image().file(), hashOf(article.image().file(), root));
        }
        for (String name : namedFiles(text)) {
            try {
                Path file = folder.resolve(name).normalize();
                inputs.put(file, hashOf(file, root));
            } catch (java.nio.file.InvalidPathException e) {
                // not a path after all; the stages report what they cannot read
            }
        }
        return inputs;
    }

    /**
     * What {@code [\p{L}\p{N}_./-]+\.(?i:csv|svg|png|jpe?g)} finds, found in linear time: in each
     * run of path characters, from its start to the end of its last extension. The expression
     * itself backtracks over the whole run from every start, which took minutes on an article of
     * long separator lines ({@code -----…}).
     */
    static List<String> namedFiles(CharSequence text) {
        List<String> names = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isPathCharacter(Character.codePointAt(text, i))) {
                i += Character.charCount(Character.codePointAt(text, i));
                continue;
            }
            int start = i;
            while (i < n && isPathCharacter(Character.codePointAt(text, i))) {
                i += Character.charCount(Character.codePointAt(text, i));
            }
            Matcher extension = NAMED_EXTENSION.matcher(text).region(start, i);
            int end = -1;
            while (extension.find()) {
                if (extension.start() > start) {
                    end = extension.end();
                }
            }
            if (end > 0) {
                names.add(text.subSequence(start, end).toString());
            }
        }
        return names;
    }

    /** {@code [\p{L}\p{N}_./-]} */
    private static boolean isPathCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || c == '_' || c == '.' || c == '/' || c == '-';
    }

    /** Never reads a file whose real path is outside the publication: the stages refuse those anyway. */
    private static String hashOf(Path file, Path root) {
        try {
            if (!Files.isRegularFile(file)) {
                return "absent";
            }
            if (!org.digestpress.assets.Confinement.inside(file, root)) {
                return "outside";
            }
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static java.security.MessageDigest newSha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What is left when the limits on nesting did not keep a text from overflowing the stack. */
    private static final String TOO_DEEP = "This text nests too deeply to be typeset (a long run of one construct "
            + "inside another: quotes, lists, emphasis, brackets); the problem is somewhere below this line. "
            + "Look for a line pasted from an e-mail or a program's output and simplify it.";

    /**
     * {@link #renderArticle}, with what the content can still break in it reported as an error at
     * the article: a stack overflow (articles run on {@link StageThreads}, so it ends here, not in
     * the build) or, for a bug of ours, the internal error. The view is then the bare title.
     */
    static IssueView.ArticleView renderOrReport(Article article, MarkdownRenderer markdown, Labels labels,
                                                FontSet fonts, String publicationLanguage, Problems problems) {
        try {
            return renderArticle(article, markdown, labels, fonts, publicationLanguage, problems);
        } catch (StackOverflowError e) {
            problems.error(article.file(), article.bodyFirstLine(), 0, TOO_DEEP);
        } catch (RuntimeException e) {
            problems.error(article.file(), article.bodyFirstLine(), 0,
                    "This article could not be typeset: " + InternalFailure.describe(e) + ".");
        }
        return articleView(article, article.title(), null, "", null, labels);
    }

    /**
     * The per-article stages (Markdown, typography, charts, the font coverage check): a function
     * of the article and what is shared by the whole issue, so articles can be rendered in any order.
     */
    static IssueView.ArticleView renderArticle(Article article, MarkdownRenderer markdown, Labels labels,
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
        return articleView(article, title, lead, bodyHtml,
                image == null ? null : typographer.text(nullToEmpty(image.caption())), labels);
    }

    private static IssueView.ArticleView articleView(Article article, String title, String lead, String bodyHtml,
                                                     String caption, Labels labels) {
        var image = article.image();
        return new IssueView.ArticleView("article-" + article.key(), title, title, lead, article.region(),
                article.tags(), image == null ? null : image.file().toUri().toString(),
                image == null ? null : image.alt(), caption,
                image == null ? null : image.credit(), bodyHtml,
                article.source() == null ? null : Source.withoutLabel(article.source().name(), labels),
                article.source() == null ? null : article.source().url(), article.language(), labels.all(),
                article.draft(), SourceFiles.mark(article.key(), article.titleLine()),
                lead == null ? null : SourceFiles.mark(article.key(), article.leadLine()));
    }

    /** The line of the front matter's 'language:' key, for the warning; the first line when not found. */
    private static int languageLine(Article article) {
        try (Stream<String> lines = Files.lines(article.file())) {
            List<String> head = lines.limit(article.bodyFirstLine()).toList();
            for (int i = 0; i < head.size(); i++) {
                if (head.get(i).startsWith("language:")) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
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

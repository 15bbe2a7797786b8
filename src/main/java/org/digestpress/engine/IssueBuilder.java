package org.digestpress.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.OutputCheck;
import org.digestpress.assets.World;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.Manifest;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;
import org.digestpress.problem.StageClock;
import org.digestpress.typography.TypesetFragment;
import org.digestpress.email.EmailEdition;
import org.digestpress.web.WebEdition;
import org.digestpress.pdf.DrawnPage;

/**
 * One build on a {@link Workspace}, as a recipe: read the publication and the issue, typeset it
 * ({@link TypesetIssue}), lay it out and write it ({@link LaidOutIssue}), then what is made from
 * those: the manifest, the web edition, a preview, the offprints. Everything of the build (its
 * problems, the labels it read, its charts) lives here and ends with it; the workspace keeps only
 * what the next build reuses.
 */
final class IssueBuilder {

    private static final Pattern ANCHORS = Pattern.compile("(article|section)-.*");

    private final Workspace workspace;
    private final BuildRequest request;
    private final Problems problems = new Problems();
    private final long start = System.nanoTime();
    /** The labels of each language this build met, read once per build; the publication's up front. */
    private final Map<String, Labels> labelsByLanguage = new ConcurrentHashMap<>();
    /** Every read of this build, kept articles' replayed: the manifest lists its files. */
    private final World world;

    /** Told of each page of a PDF for the screen as soon as it is drawn; null for none. */
    private final Consumer<DrawnPage> drawn;

    IssueBuilder(Workspace workspace, BuildRequest request) {
        this(workspace, request, null);
    }

    IssueBuilder(Workspace workspace, BuildRequest request,
                 Consumer<DrawnPage> drawn) {
        this.workspace = workspace;
        this.request = request;
        this.world = request.world();
        this.drawn = drawn;
    }

    /** The issue PDF with its manifest and, when asked for, its web edition. */
    Workspace.IssueBuild bake() {
        StageClock.start("build");
        try {
            return world.during(this::bakeTimed);
        } finally {
            StageClock.stop();
        }
    }

    private Workspace.IssueBuild bakeTimed() {
        Loaded loaded = load();
        StageClock.mark("publication and issue read, fonts loaded");
        if (loaded.issue == null || loaded.publication == null) {
            return new Workspace.IssueBuild(failed(loaded.issueName),
                    loaded.publication == null ? null : loaded.publication.root(), List.of());
        }
        Publication publication = loaded.publication;
        TypesetIssue typeset = typeset(loaded);
        EmptyParts.report(publication, loaded.issue, typeset.view(), loaded.labels, problems);
        StageClock.mark("articles: markdown, typography, charts");
        String xhtml = workspace.layout(request.templates()).render(typeset.view(), problems);
        StageClock.mark("templates: the issue as one XHTML document");
        String name = typeset.issueName();
        if (xhtml == null || problems.hasErrors() || !request.write()) {
            return new Workspace.IssueBuild(failed(name), publication.root(), List.of());
        }
        Path output = request.output() != null ? request.output() : Path.of("out", name + ".pdf");
        var refused = OutputCheck.output(request, output);
        refused.ifPresent(r -> problems.error(null, 0, 0, r));
        // The web edition is made before the PDF, so its every file is checked before anything is written.
        Path webFolder = WebEdition.folderFor(output, name);
        WebEdition.Page webPage = !(request.web() || publication.web()) ? null
                : new WebEdition(workspace.layout(request.templates()), request.fonts(), typeset.charts())
                        .prepare(typeset.view(), typeset.trees(), output.getFileName().toString(), problems);
        EmailEdition.Letter letter = !request.email() || webPage == null ? null
                : new EmailEdition(request.templates()).prepare(typeset.view(), publication, typeset.issue(),
                        output.getFileName().toString(), problems);
        if (webPage != null && refused.isEmpty()) {
            List<String> outputs = new ArrayList<>(webPage.outputs());
            if (letter != null) {
                outputs.addAll(EmailEdition.Letter.outputs());
            }
            OutputCheck.webEdition(request, output, webFolder, outputs).forEach(r -> problems.error(null, 0, 0, r));
        }
        if (problems.hasErrors()) {
            return new Workspace.IssueBuild(failed(name), publication.root(), List.of());
        }
        LaidOutIssue laidOut = layOut(typeset, xhtml, output);
        if (laidOut == null) {
            return new Workspace.IssueBuild(failed(name), publication.root(), List.of());
        }
        StageClock.mark("PDF written");
        workspace.startPages().remember(xhtml, typeset.view(), laidOut.anchorPages());
        // A PDF for the screen is nobody's file (serve's scratch): it has no manifest, which
        // would claim the PDF/UA conformance it leaves out.
        if (!request.screen()) {
            try {
                Manifest.write(laidOut.file(), laidOut.pages(), name, publication.root(), filesRead(publication));
            } catch (IOException e) {
                problems.error(output, 0, 0, "The manifest next to the PDF cannot be written: " + e.getMessage() + ".");
            }
            StageClock.mark("manifest written");
        }
        Path web = webPage == null ? null : webPage.write(laidOut.file(), webFolder, publication.root(), problems);
        if (web != null && letter != null) {
            letter.write(webFolder, problems);
        }
        BuildResult result = new BuildResult(laidOut.file(), laidOut.pages(), laidOut.pdf().length, millis(), name,
                problems.all(), web);
        return new Workspace.IssueBuild(result, publication.root(), laidOut.contents(), laidOut, laidOut.sourceMap(),
                world.read());
    }

    /**
     * The publication's files this build read so far, kept articles' included; not folders, and not a
     * link that leads outside (its file is not read for a hash).
     */
    private List<Path> filesRead(Publication publication) {
        Path root = publication.root().toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        world.read().forEach((path, print) -> {
            if (path.startsWith(root) && !print.startsWith("dir:") && !print.equals(World.ABSENT)
                    && !print.equals(World.OUTSIDE)) {
                files.add(path);
            }
        });
        return files;
    }

    /** The issue as {@link #bake} makes it, then its offprints from the same laid-out issue. */
    Workspace.IssueWithOffprints bakeWithOffprints(Set<Path> only,
                                                   BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return world.during(() -> issueWithOffprints(only, output));
    }

    private Workspace.IssueWithOffprints issueWithOffprints(Set<Path> only,
                                                            BiFunction<Offprints.ArticleInfo, String, Path> output) {
        Workspace.IssueBuild built = bake();
        LaidOutIssue laidOut = built.laidOut();
        if (built.result().failed() || laidOut == null) {
            return new Workspace.IssueWithOffprints(built, null);
        }
        Problems own = new Problems();
        TypesetIssue typeset = laidOut.typeset();
        List<Offprints.ArticleInfo> articles = Offprints.articles(typeset, article -> Math.max(1, laidOut.pageOf(article)));
        List<Offprints.Written> written = Offprints.write(typeset, articles, only, output, workspace.layout(request.templates()),
                workspace.fonts(request.fonts()), TypesetIssue.roots(typeset.publication(), request.templates()), own);
        return new Workspace.IssueWithOffprints(built, Offprints.result(typeset, articles, written, own));
    }

    /** Offprints paged by the bookmarks of an issue PDF built earlier from the same sources. */
    Offprints.Result offprints(Path issuePdf, Set<Path> only, BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return world.during(() -> offprintsFromPdf(issuePdf, only, output));
    }

    private Offprints.Result offprintsFromPdf(Path issuePdf, Set<Path> only,
                                              BiFunction<Offprints.ArticleInfo, String, Path> output) {
        Publication publication = PublicationLoader.load(request.publication(), problems);
        if (publication == null || request.issue() == null) {
            if (publication != null) {
                problems.error(publication.root(), 0, 0, "Name the issue folder the offprints come from.");
            }
            return Offprints.empty(null, problems);
        }
        Labels labels = Labels.load(request.templates(), publication.language(), problems);
        Issue issue = IssueLoader.load(publication, request.issue(), request.drafts(), problems);
        if (issue == null) {
            return Offprints.empty(request.issue().getFileName().toString(), problems);
        }
        prepare(publication, labels);
        TypesetIssue typeset = typeset(new Loaded(publication, issue, labels, issue.date().toString()));
        List<Offprints.ArticleInfo> articles = Offprints.fromBookmarks(typeset, issuePdf, problems);
        List<Offprints.Written> written = List.of();
        if (!problems.hasErrors() && request.write()) {
            written = Offprints.write(typeset, articles, only, output, workspace.layout(request.templates()),
                    workspace.fonts(request.fonts()), TypesetIssue.roots(publication, request.templates()), problems);
        }
        return Offprints.result(typeset, articles, written, problems);
    }

    /** See {@link Workspace#sourceMap}: the problems go to {@code into}. */
    org.digestpress.pdf.SourceMap sourceMap(Problems into) {
        try {
            return world.during(this::sourceMapOfIssue);
        } finally {
            problems.all().forEach(into::add);
        }
    }

    private org.digestpress.pdf.SourceMap sourceMapOfIssue() {
        Loaded loaded = load();
        if (loaded.issue == null || loaded.publication == null) {
            return org.digestpress.pdf.SourceMap.empty();
        }
        TypesetIssue typeset = typeset(loaded);
        String xhtml = workspace.layout(request.templates()).render(typeset.view(), problems);
        if (xhtml == null || problems.hasErrors()) {
            return org.digestpress.pdf.SourceMap.empty();
        }
        PdfWriter.Layout laid = new PdfWriter(workspace.fonts(request.fonts()), typeset.drawers(),
                workspace.layoutMemory()).layOut(xhtml, TypesetIssue.roots(loaded.publication, request.templates()),
                ANCHORS, problems);
        workspace.startPages().remember(xhtml, typeset.view(), laid.anchors());
        return laid.sourceMap().withFiles(SourceFiles.of(loaded.publication, loaded.issue));
    }

    /** See {@link Workspace#excerpt}. */
    BuildResult excerpt(Path article, Path output) {
        StageClock.start("preview");
        try {
            return world.during(() -> excerptTimed(article, output));
        } finally {
            StageClock.stop();
        }
    }

    private BuildResult excerptTimed(Path article, Path output) {
        Path wanted = article.toAbsolutePath().normalize();
        Loaded loaded = load();
        if (loaded.issue == null || loaded.publication == null) {
            return failed(loaded.issueName);
        }
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
            return new IssueBuilder(workspace, new BuildRequest(request.publication(), request.issue(),
                    request.output(), true, request.write(), request.templates(), request.fonts()))
                    .excerptTimed(article, output);
        }
        String name = issue.date().toString();
        if (found == null) {
            if (!problems.hasErrors()) {
                problems.error(wanted, 0, 0, "This file is not an article of the issue " + issue.dir().getFileName()
                        + (request.drafts() ? "" : " (if it is a draft, add --drafts)") + ".");
            }
            return failed(name);
        }
        TypesetIssue typeset = typeset(loaded);
        IssueLayout issueLayout = workspace.layout(request.templates());
        String xhtml = issueLayout.render(typeset.view(), problems);
        if (xhtml == null || problems.hasErrors()) {
            return failed(name);
        }
        var refused = OutputCheck.output(request, output);
        if (refused.isPresent()) {
            problems.error(null, 0, 0, refused.get());
            return failed(name);
        }
        String anchor = "article-" + found.key();
        List<Path> roots = TypesetIssue.roots(loaded.publication, request.templates());
        PdfWriter writer = new PdfWriter(workspace.fonts(request.fonts()), typeset.drawers(), workspace.layoutMemory());
        Integer first = workspace.startPages().of(xhtml, anchor);
        if (first == null) {
            Map<String, Integer> pages = writer.pagesOf(xhtml, roots, ANCHORS, problems);
            workspace.startPages().remember(xhtml, typeset.view(), pages);
            first = pages.getOrDefault(anchor, 1);
        }
        IssueView alone = IssueViews.alone(typeset.view(), anchor, true);
        boolean opensSection = home.articles().get(0) == found;
        String part = issueLayout.renderExcerpt(alone, opensSection, problems);
        if (part == null || problems.hasErrors()) {
            return failed(name);
        }
        PdfWriter.Result written = writer.startingAtPage(first).write(part, roots, output,
                typeset.documentInfo(loaded.publication.language(), part), problems);
        if (written == null) {
            return failed(name);
        }
        return new BuildResult(written.file(), written.pages(), written.bytes(), millis(), name, problems.all());
    }

    /** The issue laid out and written as a PDF; null after reporting why not. */
    private LaidOutIssue layOut(TypesetIssue typeset, String xhtml, Path output) {
        PdfWriter writer = new PdfWriter(workspace.fonts(request.fonts()), typeset.drawers(), workspace.layoutMemory());
        PdfWriter.Result written = (request.screen() ? writer.forScreen(drawn) : writer).write(xhtml,
                TypesetIssue.roots(typeset.publication(), request.templates()), output,
                typeset.documentInfo(typeset.publication().language(), xhtml), problems, ANCHORS);
        if (written == null) {
            return null;
        }
        return new LaidOutIssue(typeset, xhtml, written.file(), written.pages(), written.content(), written.anchors(),
                written.sourceMap().withFiles(SourceFiles.of(typeset.publication(), typeset.issue())));
    }

    private record Loaded(Publication publication, Issue issue, Labels labels, String issueName) {
    }

    /** Reads the publication and the issue (front matter is re-read on every build: it is cheap). */
    private Loaded load() {
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
        prepare(publication, labels);
        return new Loaded(publication, issue, labels, issue.date().toString());
    }

    /**
     * Loads the fonts once per workspace, and renews what articles depend on when the publication
     * or its labels changed. Labels of other languages are read again on every build (they are
     * small), once per build; their problems go to this build.
     */
    private void prepare(Publication publication, Labels labels) {
        workspace.fonts(request.fonts());
        labelsByLanguage.put(labels.language(), labels);
        workspace.stages().renew(publication, labels);
    }

    /** The labels of a language, as this build reads them. Concurrent: articles are rendered in parallel. */
    private Labels labelsFor(String language) {
        return labelsByLanguage.computeIfAbsent(language.split("-")[0].toLowerCase(Locale.ROOT),
                l -> Labels.load(request.templates(), l, problems));
    }

    /** The Markdown, typography and chart stages for every text of the issue, kept ones reused. */
    private TypesetIssue typeset(Loaded loaded) {
        List<ChartCompiler> charts = new ArrayList<>();
        FontSet fonts = workspace.fonts(request.fonts());
        Map<String, TypesetFragment> trees = new HashMap<>();
        IssueView view = IssueViews.of(loaded.publication, loaded.issue, loaded.labels, this::labelsFor, workspace.stages(),
                fonts, charts, trees, problems);
        ChartCompiler merged = ChartCompiler.merged(workspace.stages().chartStyle(), loaded.publication.root(), charts,
                problems);
        return new TypesetIssue(loaded.publication, loaded.issue, loaded.labels, view, merged, trees);
    }

    private long millis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private BuildResult failed(String issueName) {
        return new BuildResult(null, 0, 0, millis(), issueName, problems.all());
    }
}

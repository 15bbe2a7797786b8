package org.digestpress.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.assets.Assets;
import org.digestpress.layout.IssueLayout;
import org.digestpress.pdf.FontSet;
import org.digestpress.problem.Problems;
import org.digestpress.pdf.DrawnPage;

/**
 * A resident build engine: what a process loads once (fonts parsed and registered, the FreeMarker
 * configuration with its parsed templates) stays here between builds, and so does the per-article
 * work (Markdown, typography, charts: {@link ArticleStages}), kept per article, keyed by the
 * article's content and the content of every file it names (CSV, images). An edit to one article
 * re-runs those stages for that article only, and so does a change of the labels of the article's
 * own language (an English article in a Russian issue is labelled in English); a change of
 * {@code publication.yaml} or of the publication's labels drops every kept article; a change of the
 * templates folder reloads the templates. Layout and PDF writing always run for the whole issue:
 * page numbers depend on everything.
 *
 * <p>Nothing of one build is kept here beyond what the next build reuses: each build runs in an
 * {@link IssueBuilder} of its own, whose problems, labels and charts end with it.
 *
 * <p>{@code Pipeline.build} uses a fresh workspace once; {@code digest serve} and
 * {@code digest preview --watch} keep one. Builds on one workspace run one at a time.
 */
public final class Workspace {

    /** One table of contents line of the last build: a section or an article, with its first page. */
    public record Entry(String section, String title, Path file, String anchor, int page) {
        public boolean isSection() {
            return file == null;
        }
    }

    /**
     * A build with what a live preview shows besides the PDF.
     *
     * @param laidOut the laid-out issue (the PDF's bytes, the page of every anchor), or null when
     *                no PDF was written
     * @param reads   every file and folder the build read, with its fingerprint ({@code World}):
     *                while all of them read the same, a build would give the same PDF
     */
    public record IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents, LaidOutIssue laidOut,
                             org.digestpress.pdf.SourceMap sourceMap, java.util.SortedMap<Path, String> reads) {
        public IssueBuild {
            contents = List.copyOf(contents);
            reads = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(reads));
        }

        public IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents, LaidOutIssue laidOut,
                          org.digestpress.pdf.SourceMap sourceMap) {
            this(result, publicationRoot, contents, laidOut, sourceMap, new java.util.TreeMap<>());
        }

        public IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents, LaidOutIssue laidOut) {
            this(result, publicationRoot, contents, laidOut, org.digestpress.pdf.SourceMap.empty());
        }

        public IssueBuild(BuildResult result, Path publicationRoot, List<Entry> contents) {
            this(result, publicationRoot, contents, null);
        }
    }

    /** The issue PDF and the offprints made from the same laid-out issue. */
    public record IssueWithOffprints(IssueBuild issue, Offprints.Result offprints) {
    }

    private FontSet fonts;
    /** Text widths, parsed SVGs and each part's float placement, kept by content from build to build (bounded). */
    private org.digestpress.pdf.LayoutMemory layoutMemory = new org.digestpress.pdf.LayoutMemory();
    private String fontsSource;
    private IssueLayout layout;
    private String templatesSource;
    private String templatesStamp;
    private final ArticleStages stages = new ArticleStages();
    private final StartPages startPages = new StartPages();

    /** Forgets everything loaded: the next build starts cold (after a font was replaced, say). */
    public synchronized void reset() {
        fonts = null;
        fontsSource = null;
        layout = null;
        templatesSource = null;
        stages.clear();
        startPages.clear();
        layoutMemory = new org.digestpress.pdf.LayoutMemory();
    }

    /** What the pdf stage keeps between this workspace's builds. */
    public synchronized org.digestpress.pdf.LayoutMemory layoutMemory() {
        return layoutMemory;
    }

    public synchronized BuildResult build(BuildRequest request) {
        return buildIssue(request).result();
    }

    /** Builds the issue and also answers its table of contents with first pages and the laid-out issue. */
    public synchronized IssueBuild buildIssue(BuildRequest request) {
        return new IssueBuilder(this, request).bake();
    }

    /**
     * As {@link #buildIssue(BuildRequest)}; for a build for the screen, {@code drawn} is told of
     * each page as soon as it is drawn, on this thread, before the pages after it ({@code digest
     * serve} shows the page in view from it).
     */
    public synchronized IssueBuild buildIssue(BuildRequest request,
                                              Consumer<DrawnPage> drawn) {
        return new IssueBuilder(this, request, drawn).bake();
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
        return new IssueBuilder(this, request).excerpt(article, output);
    }

    /**
     * Lays the whole issue out as the build does, without drawing it, and answers where each block
     * of it is printed ({@code digest preview --page-of}); empty after reporting problems.
     */
    public synchronized org.digestpress.pdf.SourceMap sourceMap(BuildRequest request, Problems problems) {
        return new IssueBuilder(this, request).sourceMap(problems);
    }

    /**
     * Offprints of an issue whose PDF was built earlier: the pages come from that PDF's bookmarks
     * (see {@link Offprints}).
     */
    public synchronized Offprints.Result offprints(BuildRequest request, Path issuePdf, Set<Path> only,
                                                   BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return new IssueBuilder(this, request).offprints(issuePdf, only, output);
    }

    /**
     * Builds the issue and, from the same typeset and laid-out issue, the offprints: each article
     * typeset once, its first page the one the issue's layout gave it.
     */
    public synchronized IssueWithOffprints buildWithOffprints(BuildRequest request, Set<Path> only,
                                                              BiFunction<Offprints.ArticleInfo, String, Path> output) {
        return new IssueBuilder(this, request).bakeWithOffprints(only, output);
    }

    ArticleStages stages() {
        return stages;
    }

    StartPages startPages() {
        return startPages;
    }

    /** The fonts, loaded again only when another fonts folder is asked for. */
    FontSet fonts(Assets source) {
        if (fonts == null || !source.describe().equals(fontsSource)) {
            fonts = FontSet.load(source);
            fontsSource = source.describe();
            stages.clear();
        }
        return fonts;
    }

    /** The templates, reparsed only when a file in the templates folder changed. */
    IssueLayout layout(Assets templates) {
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
}

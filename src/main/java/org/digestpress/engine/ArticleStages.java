package org.digestpress.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.assets.World;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartStyle;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.References;
import org.digestpress.content.Source;
import org.digestpress.layout.IssueView;
import org.digestpress.markdown.MarkdownRenderer;
import org.digestpress.pdf.FontSet;
import org.digestpress.problem.InternalFailure;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.digestpress.typography.TypesetFragment;

/**
 * The per-article stages (Markdown, typography, charts) with what a resident engine keeps of them:
 * each article's rendering, keyed by the article's content and the labels of its language, and
 * valid while every file the rendering read (CSV, images; recorded by a {@link World} of its own)
 * reads the same; and the texts outside articles (intros, inside cover, back page), likewise. A
 * kept rendering's reads are replayed into the build that reuses it, so a warm build records the
 * same inputs as a cold one. Each kept rendering holds its own charts, so what is kept is exactly what the
 * issue still shows: an article edited or removed takes its charts along. A change of
 * {@code publication.yaml} or of the publication's labels drops everything kept.
 */
final class ArticleStages {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final int KEPT_TEXTS = 1000;

    /** What is left when the limits on nesting did not keep a text from overflowing the stack. */
    static final String TOO_DEEP = "This text nests too deeply to be typeset (a long run of one construct "
            + "inside another: quotes, lists, emphasis, brackets); the problem is somewhere below this line. "
            + "Look for a line pasted from an e-mail or a program's output and simplify it.";

    /**
     * An article rendered once, valid while the article, the files it names and the labels of its
     * language are unchanged; {@code charts} holds its charts and nothing else, {@code body} the
     * typeset body with its tree (the view's {@code bodyHtml}), kept no longer than the article.
     */
    record KeptArticle(Article article, Map<Path, String> reads, List<Object> labels, IssueView.ArticleView view,
                       TypesetFragment body, List<Problem> problems, ChartCompiler charts) {
    }

    /**
     * A text outside the articles, rendered once per text, with its own charts, the files it read
     * and its typeset tree.
     */
    record KeptText(TypesetFragment typeset, List<Problem> problems, ChartCompiler charts, Map<Path, String> reads) {
        String html() {
            return typeset.xhtml();
        }
    }

    /** An article's view and its typeset body with the tree, for the stages after the PDF's. */
    record RenderedArticle(IssueView.ArticleView view, TypesetFragment body) {
    }

    private List<Object> key;
    private ChartStyle chartStyle;
    private References references;
    /** The parser every text's renderer shares (it is safe to share across threads). */
    private MarkdownRenderer markdown;
    private Path root;
    private final Map<Path, KeptArticle> articles = new HashMap<>();
    private final Map<List<Object>, KeptText> texts = new HashMap<>();

    void clear() {
        key = null;
        chartStyle = null;
        references = null;
        markdown = null;
        root = null;
        articles.clear();
        texts.clear();
    }

    /** Forgets every rendering when the publication or its labels changed since the last build. */
    void renew(Publication publication, Labels labels) {
        List<Object> now = List.of(publication, labelsKey(labels));
        if (!now.equals(key)) {
            clear();
            key = now;
            // Fonts are registered with AWT (FontSet.load) before any chart is built.
            chartStyle = ChartStyle.fromBrand(FontSet.SANS, java.awt.Color.decode(publication.brand().primary()),
                    java.awt.Color.decode(publication.brand().accent()),
                    java.awt.Color.decode(publication.brand().text()));
            references = new References(publication.root());
            markdown = new MarkdownRenderer(references, language -> {
                throw new IllegalStateException("a text is rendered with its build's labels");
            }, (block, problems) -> {
                throw new IllegalStateException("a text is rendered with charts of its own");
            });
            root = publication.root();
        }
    }

    ChartStyle chartStyle() {
        return chartStyle;
    }

    /** A Markdown renderer whose charts go to {@code charts}: one per text, so charts stay with their text. */
    private MarkdownRenderer markdown(Function<String, Labels> labelsFor, ChartCompiler charts) {
        return markdown.with(labelsFor, charts);
    }

    private ChartCompiler charts() {
        return new ChartCompiler(chartStyle, root);
    }

    /** Everything of a language's labels a rendering can use, comparable between builds. */
    static List<Object> labelsKey(Labels labels) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(labels.month(m));
            months.add(labels.monthInText(m));
        }
        return List.of(labels.language(), new TreeMap<>(labels.all()), months);
    }

    /** Markdown outside articles (section intros, inside cover, back page), rendered once per text. */
    KeptText text(String markdown, Path file, int line, String prefix, String language,
                  Function<String, Labels> labelsFor) {
        List<Object> textKey = List.of(markdown == null ? "" : markdown, String.valueOf(file), line, prefix, language,
                labelsKey(labelsFor.apply(language)));
        KeptText kept = texts.get(textKey);
        if (kept != null && World.unchanged(kept.reads)) {
            World.replay(kept.reads);
        } else {
            Problems own = new Problems();
            ChartCompiler charts = charts();
            MarkdownRenderer renderer = markdown(labelsFor, charts);
            World reads = World.child();
            TypesetFragment html = StageThreads.call(() -> reads.during(() -> {
                try {
                    return Typographer.forLanguage(language).typesetFragment(
                            renderer.render(markdown, file, line, prefix, language, own));
                } catch (StackOverflowError e) {
                    own.error(file, line, 0, TOO_DEEP);
                } catch (RuntimeException e) {
                    own.error(file, line, 0, "This text could not be typeset: " + InternalFailure.describe(e) + ".");
                }
                return TypesetFragment.textOnly("");
            }));
            kept = new KeptText(html, own.all(), charts, reads.read());
            if (texts.size() > KEPT_TEXTS) {
                texts.clear();
            }
            texts.put(textKey, kept);
        }
        return kept;
    }

    /**
     * Every article's rendering: what was kept when neither the article, a file it read nor its
     * language's labels changed, the others rendered again. Articles are independent, so those run
     * in parallel, each into its own problems; the caller takes views and problems in issue order,
     * so the document and the report are the same as one after the other. Articles no longer in
     * the issue are forgotten.
     */
    Map<Path, KeptArticle> articles(Publication publication, Issue issue, Function<String, Labels> labelsFor,
                                    FontSet fonts) {
        record Stale(Article article, Labels labels, List<Object> labelsKey, World reads) {
        }
        Map<Path, KeptArticle> current = new HashMap<>();
        List<Stale> stale = new ArrayList<>();
        for (IssueSection section : issue.sections()) {
            for (Article article : section.articles()) {
                Labels labels = labelsFor.apply(article.language());
                List<Object> labelsKey = labelsKey(labels);
                KeptArticle kept = articles.get(article.file());
                if (kept == null || !kept.article.equals(article) || !kept.labels.equals(labelsKey)
                        || !World.unchanged(kept.reads)) {
                    stale.add(new Stale(article, labels, labelsKey, World.child()));
                } else {
                    // Not read again, yet read by this build: its manifest and archive record list them.
                    World.replay(kept.reads);
                    current.put(article.file(), kept);
                }
            }
        }
        List<KeptArticle> rendered = StageThreads.map(stale, s -> s.reads.during(() -> {
            Problems own = new Problems();
            ChartCompiler charts = charts();
            RenderedArticle article = renderOrReport(s.article, markdown(labelsFor, charts), s.labels, fonts,
                    publication.language(), own);
            return new KeptArticle(s.article, s.reads.read(), s.labelsKey, article.view(), article.body(), own.all(),
                    charts);
        }));
        rendered.forEach(kept -> current.put(kept.article.file(), kept));
        articles.clear();
        articles.putAll(current);
        return current;
    }

    /**
     * {@link #renderArticle}, with what the content can still break in it reported as an error at
     * the article: a stack overflow (articles run on {@link StageThreads}, so it ends here, not in
     * the build) or, for a bug of ours, the internal error. The view is then the bare title.
     */
    static RenderedArticle renderOrReport(Article article, MarkdownRenderer markdown, Labels labels,
                                                FontSet fonts, String publicationLanguage, Problems problems) {
        try {
            return renderArticle(article, markdown, labels, fonts, publicationLanguage, problems);
        } catch (StackOverflowError e) {
            problems.error(article.file(), article.bodyFirstLine(), 0, TOO_DEEP);
        } catch (RuntimeException e) {
            problems.error(article.file(), article.bodyFirstLine(), 0,
                    "This article could not be typeset: " + InternalFailure.describe(e) + ".");
        }
        return new RenderedArticle(articleView(article, article.title(), null, "", null, labels),
                TypesetFragment.textOnly(""));
    }

    /**
     * The per-article stages (Markdown, typography, charts, the font coverage check): a function
     * of the article and what is shared by the whole issue, so articles can be rendered in any order.
     */
    static RenderedArticle renderArticle(Article article, MarkdownRenderer markdown, Labels labels,
                                               FontSet fonts, String publicationLanguage, Problems problems) {
        Typographer typographer = Typographer.forLanguage(article.language());
        if (!Typographer.supports(article.language()) && !article.language().equals(publicationLanguage)) {
            problems.warning(article.file(), languageLine(article), 0, "The language '" + article.language()
                    + "' has no hyphenation patterns or typographic rules (these languages have: "
                    + String.join(", ", Typographer.LANGUAGES) + "); the article is set without them.");
        }
        String body = markdown.render(article.body(), article.file(), article.bodyFirstLine(), article.key(),
                article.language(), problems);
        TypesetFragment typesetBody = typographer.typesetFragment(body);
        String bodyHtml = typesetBody.xhtml();
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
        return new RenderedArticle(articleView(article, title, lead, bodyHtml,
                image == null ? null : typographer.text(image.caption() == null ? "" : image.caption()), labels),
                typesetBody);
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
}

package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.content.Article;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.layout.IssueView;
import org.digestpress.markdown.ChartBlockHandler;
import org.digestpress.markdown.MarkdownRenderer;
import org.digestpress.pdf.FontSet;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

/**
 * What the nesting limits do not stop still ends at the article: a stack overflow or a bug in a
 * stage is an error at the article's file and line, the article's view is its bare title, and
 * nothing is thrown at the build. The failure is forced through a chart handler.
 */
class StageFailureTest {

    private static final Path FILE = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");
    private static final Labels LABELS = Labels.load(Assets.directory(BuiltIssue.REPO.resolve("templates")), "ru",
            new Problems());

    private static Article article() {
        return new Article(FILE, "zavod", "news", "Завод", null, null, null, List.of(), List.of(), null, false, "ru",
                "Текст.\n\n```chart\ntype: bar\n```\n", 6);
    }

    private static List<Problem> renderWith(ChartBlockHandler charts) {
        MarkdownRenderer markdown = new MarkdownRenderer(new References(BuiltIssue.FIXTURE), LABELS, charts);
        Problems problems = new Problems();
        IssueView.ArticleView view = ArticleStages.renderOrReport(article(), markdown, LABELS,
                FontSet.load(Assets.directory(BuiltIssue.REPO.resolve("fonts"))), "ru", problems).view();
        assertEquals("Завод", view.title());
        assertEquals("", view.bodyHtml());
        return problems.all();
    }

    @Test
    void aStackOverflowIsAnErrorAtTheArticle() {
        List<Problem> problems = renderWith((block, p) -> {
            throw new StackOverflowError();
        });
        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertTrue(problem.isError());
        assertEquals(FILE, problem.file());
        assertEquals(6, problem.line());
        assertTrue(problem.message().startsWith("This text nests too deeply to be typeset"), problem.message());
    }

    @Test
    void aBugIsReportedAsOursWithWhatFailed() {
        List<Problem> problems = renderWith((block, p) -> {
            throw new IllegalStateException("chart state lost");
        });
        Problem problem = problems.get(0);
        assertEquals(FILE, problem.file());
        assertTrue(problem.message().contains("internal error of digestpress (IllegalStateException: chart state lost)"),
                problem.message());
        assertTrue(problem.message().contains("not in your files"), problem.message());
        assertFalse(problem.message().contains("\tat "), "no trace without DIGESTPRESS_DEBUG");
    }
}

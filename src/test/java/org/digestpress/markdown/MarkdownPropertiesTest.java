package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.digestpress.BuiltIssue;
import org.digestpress.HostileText;
import org.digestpress.assets.Assets;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.chart.ChartStyle;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.content.XmlCharacters;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.xml.sax.InputSource;

/**
 * Whatever Markdown an article holds (boxes, tables, footnotes, raw HTML, images, chart blocks,
 * control characters, lone surrogates, character references), the markdown and typography stages
 * end with well-formed XHTML that XML can hold, or with problems that name a file and a line;
 * never with an exception.
 */
class MarkdownPropertiesTest {

    private static final Path ARTICLE = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");
    private static final Labels LABELS = Labels.load(Assets.directory(BuiltIssue.REPO.resolve("templates")), "ru",
            new Problems());

    private final ChartCompiler charts = new ChartCompiler(ChartStyle.fromBrand("PT Sans",
            java.awt.Color.BLUE, java.awt.Color.ORANGE, java.awt.Color.BLACK));
    private final MarkdownRenderer renderer = new MarkdownRenderer(new References(BuiltIssue.FIXTURE), LABELS, charts);

    @Provide
    Arbitrary<String> bodies() {
        return HostileText.body();
    }

    @Provide
    Arbitrary<String> deepBodies() {
        return HostileText.deep();
    }

    @Property(tries = 800)
    void anyBodyBecomesWellFormedXhtmlOrProblemsWithLines(@ForAll("bodies") String body) throws Exception {
        assertWellFormedOrProblemsWithLines(body);
    }

    /**
     * Deep nesting and long runs of one token: no stack overflow (nor any other throwable) escapes,
     * on the test's own thread with the JVM's default stack, not only on the 16 MB stage threads
     * the build uses.
     */
    @Property(tries = 1000)
    void deepOrRepetitiveBodyBecomesWellFormedXhtmlOrProblemsWithLines(@ForAll("deepBodies") String body)
            throws Exception {
        assertWellFormedOrProblemsWithLines(body);
    }

    private void assertWellFormedOrProblemsWithLines(String body) throws Exception {
        Problems problems = new Problems();
        String html = renderer.render(body, ARTICLE, 14, "gen", "ru", problems);
        String typeset = Typographer.forLanguage("ru").fragment(html);
        assertEquals(-1, XmlCharacters.firstInvalid(typeset), "no character XML cannot hold gets through");
        DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<div>" + typeset + "</div>")));
        for (Problem problem : problems.all()) {
            assertNotNull(problem.file(), problem.toString());
            assertTrue(problem.line() >= 14, "a line inside the article: " + problem);
        }
    }
}

package org.digestpress.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.digestpress.typography.Typographer;
import org.digestpress.typography.TypesetFragment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The web edition converts the tree the typography stage built, not the print XHTML parsed again,
 * and never changes that tree: it is kept with the article and read again by the next build.
 */
class WebFromTypesetTreeTest {

    /** A heading, a footnote and a titled table: each is rebuilt by the conversion. */
    private static final String MARKUP = "<h2>Итоги года</h2><p>Рост - на 5 процентов<span class=\"footnote\">По данным "
            + "Росстата.</span> за год.</p><figure class=\"table-figure\"><p class=\"table-figure__title\">Рост</p>"
            + "<table><tr><td>2024</td><td>5</td></tr></table></figure>";

    private static WebFragment fragments() {
        return new WebFragment(null, new Pictures(new PageFiles()), null);
    }

    @Test
    void theTreeConvertsToWhatTheTextParsedAgainConvertsTo() {
        TypesetFragment typeset = Typographer.forLanguage("ru").typesetFragment(MARKUP);
        String parsed = fragments().convert(typeset.xhtml(), null, "article-a", 4, Map.of());
        String fromTree = fragments().convert(typeset.xhtml(), typeset, "article-a", 4, Map.of());
        assertEquals(parsed, fromTree);
        assertTrue(fromTree.contains("<h4>") && fromTree.contains("class=\"notes\"")
                && fromTree.contains("class=\"table-scroll\""), fromTree);
        // the shared tree is as the typographer left it: a second conversion is the same
        assertEquals(parsed, fragments().convert(typeset.xhtml(), typeset, "article-a", 4, Map.of()));
    }

    @Test
    void aTreeGivenWithItsTextIsWhatIsConverted() {
        String text = "<p>из текста</p>";
        Element other = Typographer.forLanguage("ru").typesetFragment("<p>из дерева</p>").tree();
        String html = fragments().convert(text, new TypesetFragment(text, other), "a", 4, Map.of());
        assertTrue(html.contains("дерева") && !html.contains("текста"), html);
        // a tree of another text is not used
        assertEquals("<p>из текста</p>",
                fragments().convert(text, new TypesetFragment("<p>x</p>", other), "a", 4, Map.of()));
    }

    @Test
    void aCopyIsADeepCopyInADocumentOfItsOwn() {
        TypesetFragment typeset = Typographer.forLanguage("ru").typesetFragment(MARKUP);
        Element copy = typeset.copyFor(typeset.xhtml());
        assertNotSame(typeset.tree().getOwnerDocument(), copy.getOwnerDocument());
        copy.getFirstChild().setTextContent("изменено");
        copy.appendChild(copy.getOwnerDocument().createElement("hr"));
        assertEquals("Итоги года", typeset.tree().getFirstChild().getTextContent());
        assertEquals(3, typeset.tree().getChildNodes().getLength());
        assertNull(typeset.copyFor("<p>другой текст</p>"));
        assertNull(TypesetFragment.textOnly("<p/>").copyFor("<p/>"));
    }

    /** A warm build converts the kept trees again: had the first build changed them, the pages would differ. */
    @Test
    void aWarmBuildMakesTheSameWebEditionFromTheKeptTrees(@TempDir Path out) throws Exception {
        Workspace workspace = Pipeline.workspace();
        BuildResult cold = workspace.build(BuiltIssue.request(BuiltIssue.SAMPLE, out.resolve("cold/2025-06.pdf"))
                .withWeb(true));
        BuildResult warm = workspace.build(BuiltIssue.request(BuiltIssue.SAMPLE, out.resolve("warm/2025-06.pdf"))
                .withWeb(true));
        assertFalse(cold.failed() || warm.failed(), () -> cold.problems() + " " + warm.problems());
        List<Path> files = files(cold.web().getParent());
        assertEquals(files, files(warm.web().getParent()));
        assertTrue(files.contains(Path.of("index.html")), files::toString);
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(cold.web().getParent().resolve(file)),
                    Files.readAllBytes(warm.web().getParent().resolve(file)), file.toString());
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }
}

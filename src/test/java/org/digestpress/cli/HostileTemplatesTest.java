package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates handed over with {@code --templates} that never end, write without end, or call
 * themselves (issue 16): each stops with an error at the template's file and line, no trace, exit
 * status 1, and the previous PDF unchanged. The time and output limits are lowered for the test
 * through their system properties; the mechanism is the same at 60 s and 100 million characters.
 */
class HostileTemplatesTest {

    /** The hostile line goes in as line 12 of issue.ftlx, inside {@code <head>}. */
    private static final int LINE = 12;

    @TempDir
    Path temp;

    private CliHarness harness;
    private Path templates;
    private Path pdf;

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("digestpress.templateTimeLimit", "2");
        System.setProperty("digestpress.templateOutputLimit", "1000000");
        harness = new CliHarness(temp);
        templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        pdf = temp.resolve("out/issue.pdf");
        Files.createDirectories(pdf.getParent());
        CliHarness.Outcome good = harness.run(build());
        assertEquals(0, good.exit(), good.err());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("digestpress.templateTimeLimit");
        System.clearProperty("digestpress.templateOutputLimit");
    }

    private String[] build() {
        return new String[] {"build", harness.publication().resolve("2030-01").toString(), "-o", pdf.toString(),
                "--templates", templates.toString()};
    }

    /** Puts {@code line} in as line {@code at} of a template, builds, and checks what every case must hold. */
    private String buildWith(String template, int at, String line) throws IOException {
        Path file = templates.resolve(template);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(at - 1, line);
        Files.write(file, lines);
        String err = harness.expect(1, build()).err();
        assertTrue(err.contains(template + ":" + at + ":"), "the template's file and line:\n" + err);
        return err;
    }

    private String buildWith(String line) throws IOException {
        return buildWith("issue.ftlx", LINE, line);
    }

    @Test
    void nestedLoopsOverHugeRangesStopAtTheTimeLimit() throws IOException {
        String err = buildWith("<#list 1..2000000000 as i><#list 1..2000000000 as j></#list></#list>");
        assertTrue(err.contains("ran longer than 2 s"), err);
    }

    @Test
    void anAttemptDoesNotSwallowTheStop() throws IOException {
        String err = buildWith("<#list 1..2000000000 as i><#attempt><#list 1..2000000000 as j></#list>"
                + "<#recover>again</#attempt></#list>");
        assertTrue(err.contains("ran longer than 2 s"), err);
    }

    @Test
    void aLoopThatWritesWithoutEndStopsAtTheOutputLimit() throws IOException {
        String err = buildWith("<#list 1..2000000000 as i>xxxxxxxxxxxxxxxxxxxx</#list>");
        assertTrue(err.contains("write more than 1,000,000 characters"), err);
    }

    @Test
    void aHugeStringStopsAtTheOutputLimit() throws IOException {
        String err = buildWith("${\"\"?left_pad(5000000)}");
        assertTrue(err.contains("write more than 1,000,000 characters"), err);
    }

    @Test
    void aMacroThatCallsItselfStops() throws IOException {
        String err = buildWith("<#macro r n><@r n + 1/></#macro><@r 0/>");
        assertTrue(err.contains("nest more than 1000 steps"), err);
    }

    @Test
    void aFunctionThatCallsItselfStops() throws IOException {
        String err = buildWith("<#function f n><#return f(n + 1)></#function>${f(0)}");
        assertTrue(err.contains("nest more than 1000 steps"), err);
    }

    @Test
    void markupThatIsNotWellFormedIsReportedAtTheTemplateLineThatWroteIt() throws IOException {
        String err = buildWith("<p>${issue.meta.title}</b>");
        assertTrue(err.contains("not well-formed XHTML"), err);
    }

    @Test
    void aLimitInAnIncludedTemplateNamesThatTemplate() throws IOException {
        String err = buildWith("style.css.ftl", 4, "<#list 1..2000000000 as i><#list 1..2000000000 as j></#list></#list>");
        assertTrue(err.contains("ran longer than 2 s"), err);
    }

    @Test
    void aSyntaxErrorInAnIncludedTemplateIsReportedAtItsOwnLine() throws IOException {
        String err = buildWith("style.css.ftl", 4, "<#if>");
        assertTrue(err.contains("syntax error"), err);
    }
}

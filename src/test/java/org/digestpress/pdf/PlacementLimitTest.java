package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.digestpress.BuiltIssue;
import org.digestpress.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * When the float placement runs out of layout passes with floats still moving, the build says so
 * with a warning naming where, instead of keeping quiet about a page it never checked. The stress
 * fixture (two long boxes, tables near page ends) is such an issue; the fixture settles.
 */
class PlacementLimitTest {

    @Test
    void anIssueWhoseFloatsStillMoveAtThePassLimitGetsAWarningNamingTheSection() {
        BuiltIssue stress = BuiltIssue.of(BuiltIssue.REPO.resolve("src/test/resources/stress"));
        assertFalse(stress.result.failed(), stress.result.problems().toString());
        List<Problem> warnings = stress.result.problems().stream()
                .filter(p -> p.message().startsWith("The placement of figures, tables and boxes stopped after "
                        + FloatPlacement.MAX_PASSES + " layout passes")).toList();
        assertEquals(1, warnings.size(), stress.result.problems().toString());
        assertFalse(warnings.get(0).isError());
        assertTrue(warnings.get(0).message().contains("(in section-news)"), warnings.get(0).message());
    }

    @Test
    void anIssueThatSettlesGetsNone() {
        BuiltIssue fixture = BuiltIssue.of(BuiltIssue.FIXTURE);
        assertFalse(fixture.result.failed(), fixture.result.problems().toString());
        assertTrue(fixture.result.problems().stream().noneMatch(p -> p.message().contains("layout passes")),
                fixture.result.problems().toString());
    }

    /**
     * One short paragraph added to the sample's first events article: each new set of lines of a
     * later paragraph ended a page on another hyphen, the composer refused each in turn, and the
     * placement ran out of passes. A paragraph refuses at most {@link ParagraphComposer#MAX_REFUSED}
     * hyphens at a page's foot, so the issue settles.
     */
    @Test
    void aParagraphThatKeepsEndingPagesOnNewHyphensDoesNotKeepThePlacementMoving(@org.junit.jupiter.api.io.TempDir
                                                                                 java.nio.file.Path temp) throws Exception {
        java.nio.file.Path publication = org.digestpress.engine.WorkspaceTest.copy(BuiltIssue.SAMPLE, temp.resolve("content"));
        java.nio.file.Path article = publication.resolve("2025-06/events/01-moskva-klastery.md");
        java.nio.file.Files.writeString(article, java.nio.file.Files.readString(article)
                + "\nЕщё один короткий абзац о ходе работ в кластере.\n");
        BuiltIssue edited = BuiltIssue.of(publication);
        assertFalse(edited.result.failed(), edited.result.problems().toString());
        assertTrue(edited.result.problems().stream().noneMatch(p -> p.message().contains("layout passes")),
                edited.result.problems().toString());
    }
}

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
}

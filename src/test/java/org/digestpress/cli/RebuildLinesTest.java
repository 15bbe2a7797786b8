package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.digestpress.problem.Problem;
import org.digestpress.serve.BuildStatus;
import org.junit.jupiter.api.Test;

/** serve's terminal: one line per rebuild with its time and problems; a problem is printed when it is new. */
class RebuildLinesTest {

    @Test
    void oneLinePerBuildAndTheProblemsWhenTheyChange() {
        StringWriter text = new StringWriter();
        RebuildLines lines = new RebuildLines(new PrintWriter(text));
        Problem broken = Problem.error(Path.of("content/2025-06/news/01.md"), 4, 7, "The YAML here is not valid.");
        lines.print(status(1, true, 1900, List.of()));
        lines.print(status(2, true, 612, List.of()));
        lines.print(status(3, false, 230, List.of(broken)));
        lines.print(status(4, false, 210, List.of(broken)));
        lines.print(status(5, true, 598, List.of()));
        String[] printed = text.toString().split("\n");
        assertEquals(6, printed.length, text.toString());
        assertTrue(printed[0].matches("\\d\\d:\\d\\d:\\d\\d build 1: 1900 ms, issue 2025-06, 32 pages, no problems"),
                printed[0]);
        assertTrue(printed[1].matches("\\d\\d:\\d\\d:\\d\\d build 2: 612 ms, 32 pages, no problems"), printed[1]);
        assertTrue(printed[2].matches("\\d\\d:\\d\\d:\\d\\d build 3: 230 ms, 1 error; the page keeps the last good pages"),
                printed[2]);
        assertEquals("  content/2025-06/news/01.md:4:7: error: The YAML here is not valid.", printed[3]);
        assertTrue(printed[4].contains("build 4: 210 ms, 1 error"), "the same problem again is not printed again");
        assertTrue(printed[5].contains("build 5: 598 ms, 32 pages, no problems"), printed[5]);
    }

    private static BuildStatus status(int build, boolean ok, long millis, List<Problem> problems) {
        return new BuildStatus(build, ok, millis, millis, 32, "2025-06", new float[] {595, 842}, problems,
                List.of(), null, List.of(), List.of());
    }
}

package org.digestpress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.digestpress.problem.Problem;
import org.digestpress.serve.BuildStatus;

/**
 * {@code digest serve}'s terminal after "Serving ...": one line per build with the time of day,
 * how long it took and what it found; the problems themselves follow as in a build, but only when
 * they differ from the last build's, so a warning nobody fixes is not printed on every save.
 */
final class RebuildLines {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private List<Problem> shown = List.of();

    RebuildLines(PrintWriter out) {
        this.out = out;
    }

    synchronized void print(BuildStatus status) {
        long errors = status.problems().stream().filter(Problem::isError).count();
        long warnings = status.problems().size() - errors;
        String found = errors + warnings == 0 ? "no problems"
                : errors == 0 ? Diagnostics.plural(warnings, "warning")
                : Diagnostics.plural(errors, "error") + (warnings > 0 ? ", " + Diagnostics.plural(warnings, "warning") : "");
        // The first build names the issue: "Serving" is printed before it is known.
        out.println(LocalTime.now().format(CLOCK) + " build " + status.build() + ": " + status.millis() + " ms, "
                + (status.build() == 1 && !status.issue().isEmpty() ? "issue " + status.issue() + ", " : "")
                + (status.ok() ? status.pages() + " pages, " + found
                : found + "; the page keeps the last good pages"));
        // The first build's problems are printed after this line, as a build prints them.
        if (status.build() > 1 && !status.problems().equals(shown)) {
            Path base = Path.of("").toAbsolutePath();
            for (Problem problem : status.problems()) {
                out.println("  " + problem.format(base));
            }
            shown = status.problems();
        }
        out.flush();
    }
}

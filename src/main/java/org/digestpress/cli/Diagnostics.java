package org.digestpress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.digestpress.BuildResult;
import org.digestpress.problem.Problem;

/** Prints problems like a compiler: one line each, errors and warnings counted at the end. */
final class Diagnostics {

    private Diagnostics() {
    }

    static void print(BuildResult result, PrintWriter err) {
        print(result, err, true);
    }

    /** @param pdf whether the summary line says that no PDF was written */
    static void print(BuildResult result, PrintWriter err, boolean pdf) {
        Path base = Path.of("").toAbsolutePath();
        for (Problem problem : result.problems()) {
            err.println(problem.format(base));
        }
        long errors = result.problems().stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println(plural(errors, "error") + (result.warnings() > 0 ? ", " + plural(result.warnings(), "warning") : "")
                    + (pdf ? "; no PDF was written." : "; nothing was made."));
        }
        err.flush();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

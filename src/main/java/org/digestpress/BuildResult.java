package org.digestpress;

import java.nio.file.Path;
import java.util.List;

import org.digestpress.problem.Problem;

/**
 * The outcome of a build: the PDF (null when nothing was written) and every problem found.
 *
 * @param pages  pages of the written PDF, 0 when none was written
 * @param millis wall time of the build
 * @param web    the web edition's page, or null when none was written
 */
public record BuildResult(Path pdf, int pages, long bytes, long millis, String issueName, List<Problem> problems,
                          Path web) {

    public BuildResult {
        problems = List.copyOf(problems);
    }

    public BuildResult(Path pdf, int pages, long bytes, long millis, String issueName, List<Problem> problems) {
        this(pdf, pages, bytes, millis, issueName, problems, null);
    }

    public boolean failed() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public long warnings() {
        return problems.stream().filter(p -> !p.isError()).count();
    }
}

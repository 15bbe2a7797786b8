package org.digestpress.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestpress.engine.Workspace;
import org.digestpress.problem.Problem;

/**
 * What the last build of {@code digest serve} gave. Pages and contents are those of the last good
 * build, which the page keeps showing while the sources have errors. {@code cpuMillis} is the CPU
 * time of the building thread: on a busy machine it tells what the build costs, apart from waiting
 * for a core. Build 0 is the pages kept from the last run, shown while the first build runs.
 */
public record BuildStatus(int build, boolean ok, long millis, long cpuMillis, int pages, String issue, float[] pageSize,
                          List<Problem> problems, List<Workspace.Entry> contents,
                          Path publicationRoot, List<Double> places, List<String> hashes) {
    public BuildStatus {
        problems = List.copyOf(problems);
        contents = List.copyOf(new ArrayList<>(contents));
        places = List.copyOf(places);
        hashes = List.copyOf(hashes);
    }
}

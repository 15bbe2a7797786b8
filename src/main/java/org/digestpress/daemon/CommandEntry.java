package org.digestpress.daemon;

import java.io.PrintWriter;
import java.util.function.Function;

import org.digestpress.BuildRequest;
import org.digestpress.engine.Workspace;

/**
 * The command line the engine runs: the same picocli tree as {@code digest} in-process, handed in
 * by the {@code cli} package (which depends on this one, not the other way round).
 */
@FunctionalInterface
public interface CommandEntry {

    /**
     * @param ansi       whether help and messages may use ANSI colours, as picocli would decide in the client's terminal
     * @param workspaces where builds get their workspace (kept warm by the engine)
     * @return the exit status
     */
    int execute(PrintWriter out, PrintWriter err, boolean ansi, Function<BuildRequest, Workspace> workspaces,
                String... args);
}
